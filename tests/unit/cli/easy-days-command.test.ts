// `easy-days …` against a scripted server: the requests sent and the lines printed.
import { describe, expect, it } from "vitest";
import { parseCommand } from "@/scripts/cli/args";
import { rescheduleReasonOf } from "@/lib/settings/reschedule-reason";
import { EXIT } from "@/scripts/cli/exit-codes";
import { cliHarness, URL_BASE, type SentRequest } from "./cli-harness";

/** GET /api/settings, and PATCH /api/settings answering with the reschedule the change calls for, as the server decides it. */
function settingsServer() {
  let settings = { loadBalancing: true, easyDays: [100, 100, 100, 100, 100, 100, 100], desiredRetention: 0.9 };
  return cliHarness(({ method, body }: SentRequest) => {
    if (method !== "PATCH") return { status: 200, body: settings };
    const before = settings;
    settings = { ...settings, ...(body as Partial<typeof settings>) };
    return { status: 200, body: { ...settings, rescheduleReason: rescheduleReasonOf(before, settings) } };
  });
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
    const cli = settingsServer();
    expect(await cli.run(["easy-days"])).toBe(EXIT.ok);
    expect(cli.sent.map((s) => s.method)).toEqual(["GET"]);
    expect(cli.out).toEqual(["load balancing: on", "easy days: mon 100%, tue 100%, wed 100%, thu 100%, fri 100%, sat 100%, sun 100%"]);
  });

  it("changes only the weekdays named, and load balancing, and names the reschedule with the server's reason", async () => {
    const cli = settingsServer();
    expect(await cli.run(["easy-days", "sun=0", "sat=50", "balancing=off"])).toBe(EXIT.ok);
    expect(cli.sent[1]).toMatchObject({
      method: "PATCH",
      url: `${URL_BASE}/api/settings`,
      body: { easyDays: [100, 100, 100, 100, 100, 50, 0], loadBalancing: false },
    });
    expect(cli.out).toEqual([
      "load balancing: off",
      "easy days: mon 100%, tue 100%, wed 100%, thu 100%, fri 100%, sat 50%, sun 0%",
      "review cards already scheduled keep their days until you run: reschedule --reason balancing",
    ]);
  });

  it("names no reschedule when the days set are the days there were", async () => {
    const cli = settingsServer();
    expect(await cli.run(["easy-days", "sun=100", "balancing=on"])).toBe(EXIT.ok);
    expect(cli.out).toEqual(["load balancing: on", "easy days: mon 100%, tue 100%, wed 100%, thu 100%, fri 100%, sat 100%, sun 100%"]);
  });

  it("prints whichever reason the server gives", async () => {
    const cli = cliHarness(({ method }) => ({
      status: 200,
      body: { loadBalancing: true, easyDays: [100, 100, 100, 100, 100, 100, 0], ...(method === "PATCH" ? { rescheduleReason: "RETENTION" } : {}) },
    }));
    expect(await cli.run(["easy-days", "sun=0"])).toBe(EXIT.ok);
    expect(cli.out.at(-1)).toBe("review cards already scheduled keep their days until you run: reschedule --reason retention");
  });
});
