// `easy-days …` without a server: the requests sent and the lines printed.
import { describe, expect, it } from "vitest";
import { parseCommand } from "@/scripts/cli/args";
import { rescheduleReasonOf } from "@/lib/settings/reschedule-reason";
import { EXIT } from "@/scripts/cli/exit-codes";
import { runCli, type CliDeps } from "@/scripts/cli/run";
import { ID, TOKEN, URL_BASE } from "./fixtures";

function serverDeps() {
  const sent: { method: string; url: string; body: unknown }[] = [];
  const out: string[] = [];
  const err: string[] = [];
  let settings = { loadBalancing: true, easyDays: [100, 100, 100, 100, 100, 100, 100], desiredRetention: 0.9 };
  const deps: CliDeps = {
    env: { RESIDUAL_URL: URL_BASE, RESIDUAL_TOKEN: TOKEN },
    fetch: async (url, init) => {
      const body = typeof init.body === "string" ? (JSON.parse(init.body) as Partial<typeof settings>) : undefined;
      sent.push({ method: init.method ?? "GET", url, body });
      if (init.method !== "PATCH") return new Response(JSON.stringify(settings), { status: 200 });
      const before = settings;
      settings = { ...settings, ...body };
      return new Response(JSON.stringify({ ...settings, rescheduleReason: rescheduleReasonOf(before, settings) }), { status: 200 });
    },
    readFile: async () => "",
    newId: () => ID,
    out: (line) => out.push(line),
    err: (line) => err.push(line),
  };
  return { deps, sent, out, err };
}

describe("easy-days command", () => {
  it.each([
    { name: "show", args: [], command: { days: {} } },
    { name: "weekdays", args: ["sun=0", "Sat=50"], command: { days: { 6: 0, 5: 50 } } },
    { name: "balancing", args: ["balancing=off"], command: { days: {}, loadBalancing: false } },
  ])("parses $name", ({ args, command }) => {
    expect(parseCommand(["easy-days", ...args])).toEqual({ ok: true, command: { kind: "easy-days", easyDays: command, token: undefined } });
  });

  it.each([
    { name: "not a weekday", args: ["sunday=0"], message: /not a weekday/ },
    { name: "over 100", args: ["sun=120"], message: /whole percent from 0 to 100/ },
    { name: "a fraction", args: ["sun=12.5"], message: /whole percent/ },
    { name: "balancing maybe", args: ["balancing=maybe"], message: /on or off/ },
    { name: "no value", args: ["sun"], message: /day=percent/ },
  ])("refuses $name", ({ args, message }) => {
    expect(parseCommand(["easy-days", ...args])).toMatchObject({ ok: false, message: expect.stringMatching(message) });
  });

  it("shows the settings", async () => {
    const { deps, out, sent } = serverDeps();
    expect(await runCli(["easy-days"], deps)).toBe(EXIT.ok);
    expect(sent.map((s) => s.method)).toEqual(["GET"]);
    expect(out).toEqual(["load balancing: on", "easy days: mon 100%, tue 100%, wed 100%, thu 100%, fri 100%, sat 100%, sun 100%"]);
  });

  it("changes only the weekdays named, and load balancing", async () => {
    const { deps, out, sent } = serverDeps();
    expect(await runCli(["easy-days", "sun=0", "sat=50", "balancing=off"], deps)).toBe(EXIT.ok);
    expect(sent[1]).toEqual({
      method: "PATCH",
      url: `${URL_BASE}/api/settings`,
      body: { easyDays: [100, 100, 100, 100, 100, 50, 0], loadBalancing: false },
    });
    expect(out).toEqual([
      "load balancing: off",
      "easy days: mon 100%, tue 100%, wed 100%, thu 100%, fri 100%, sat 50%, sun 0%",
      "review cards already scheduled keep their days until you run: reschedule",
    ]);
  });

  it("names no reschedule when the days set are the days there were", async () => {
    const { deps, out } = serverDeps();
    expect(await runCli(["easy-days", "sun=100", "balancing=on"], deps)).toBe(EXIT.ok);
    expect(out).toEqual(["load balancing: on", "easy days: mon 100%, tue 100%, wed 100%, thu 100%, fri 100%, sat 100%, sun 100%"]);
  });
});
