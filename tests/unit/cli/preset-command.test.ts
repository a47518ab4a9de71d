// `presets` and `preset <module> <name|default>` against a scripted server: the requests sent and the lines printed.
import { describe, expect, it } from "vitest";
import { parseCommand } from "@/scripts/cli/args";
import { EXIT } from "@/scripts/cli/exit-codes";
import type { PresetList } from "@/lib/presets/presets";
import { DEFAULT_PRESET_OPTIONS } from "@/lib/scheduling/preset-options";
import { cliHarness, ID, URL_BASE, type SentRequest } from "./cli-harness";

const KEEN_ID = "5d1f2b8e-7c3a-4e9b-8f21-6a0d4c2e1b37";
const LIST: PresetList = {
  defaults: DEFAULT_PRESET_OPTIONS,
  presets: [
    { ...DEFAULT_PRESET_OPTIONS, id: ID, name: "Light days", newCardsPerDay: 3, modules: 1, updatedAt: "2026-03-02T09:00:00.000Z" },
    { ...DEFAULT_PRESET_OPTIONS, id: KEEN_ID, name: "Keen", desiredRetention: 0.95, modules: 0, updatedAt: "2026-03-02T09:00:00.000Z" },
  ],
};

/**
 * GET /api/presets, and PATCH /api/modules/{slug}/study for `attention-notes`
 * (following the learner's settings at first), answering as the server does:
 * RETENTION when the module's retention changed. Any other module is a 404.
 */
function presetServer() {
  let retention = DEFAULT_PRESET_OPTIONS.desiredRetention;
  return cliHarness(({ method, path, body }: SentRequest) => {
    if (method === "GET") return { status: 200, body: LIST };
    if (path !== "/api/modules/attention-notes/study") return { status: 404, body: { error: { code: "NOT_FOUND", message: "Module 'nope' not found" } } };
    const { presetId } = body as { presetId: string | null };
    const next = LIST.presets.find((p) => p.id === presetId)?.desiredRetention ?? LIST.defaults.desiredRetention;
    const rescheduleReason = next === retention ? null : "RETENTION";
    retention = next;
    return { status: 200, body: { rescheduleReason } };
  });
}

describe("preset commands", () => {
  it("parse", () => {
    expect(parseCommand(["presets"])).toEqual({ ok: true, command: { kind: "preset", preset: { kind: "list" }, token: undefined } });
    expect(parseCommand(["preset", "attention-notes", "Light", "days"])).toEqual({
      ok: true,
      command: { kind: "preset", preset: { kind: "set", module: "attention-notes", preset: "Light days" }, token: undefined },
    });
    expect(parseCommand(["preset", "attention-notes"])).toMatchObject({ ok: false });
    expect(parseCommand(["preset", "Attention", "default"])).toMatchObject({ ok: false, message: expect.stringMatching(/kebab-case/) });
  });

  it("presets lists the default preset and each named one", async () => {
    const cli = presetServer();
    expect(await cli.run(["presets"])).toBe(EXIT.ok);
    expect(cli.out).toEqual([
      "default (your settings): retention 90%, 20 new / 200 reviews a day, steps 1m 10m, due order, new mixed",
      "Light days (1 module): retention 90%, 3 new / 200 reviews a day, steps 1m 10m, due order, new mixed",
      "Keen (0 modules): retention 95%, 20 new / 200 reviews a day, steps 1m 10m, due order, new mixed",
    ]);
  });

  it("preset sets a module's preset by name (any case), or back to the settings with default", async () => {
    const cli = presetServer();
    expect(await cli.run(["preset", "attention-notes", "light DAYS"])).toBe(EXIT.ok);
    expect(cli.sent[1]).toMatchObject({ method: "PATCH", url: `${URL_BASE}/api/modules/attention-notes/study`, body: { presetId: ID } });
    expect(cli.out).toEqual(["attention-notes now follows Light days"]);
    expect(await cli.run(["preset", "attention-notes", "default"])).toBe(EXIT.ok);
    expect(cli.sent[3]?.body).toEqual({ presetId: null });
  });

  it("a preset with another retention names the reschedule that matches the module's cards to it, both ways", async () => {
    const cli = presetServer();
    expect(await cli.run(["preset", "attention-notes", "Keen"])).toBe(EXIT.ok);
    expect(cli.out).toEqual([
      "attention-notes now follows Keen",
      "review cards already scheduled keep their days until you run: reschedule --reason retention",
    ]);
    expect(await cli.run(["preset", "attention-notes", "Light days"])).toBe(EXIT.ok);
    expect(cli.out.slice(2)).toEqual([
      "attention-notes now follows Light days",
      "review cards already scheduled keep their days until you run: reschedule --reason retention",
    ]);
  });

  it("an unknown preset name is a usage error and sends no change; a module the server does not know is its 404", async () => {
    const unknown = presetServer();
    expect(await unknown.run(["preset", "attention-notes", "Heavy"])).toBe(EXIT.usage);
    expect(unknown.err[0]).toMatch(/no preset called "Heavy"/);
    expect(unknown.sent.map((s) => s.method)).toEqual(["GET"]);
    const missing = presetServer();
    expect(await missing.run(["preset", "nope", "default"])).not.toBe(EXIT.ok);
    expect(missing.err.join("\n")).toMatch(/not found/);
  });

  it.each([
    { name: "no body (204)", reply: { status: 204, body: null }, message: /unexpected reply from the server: HTTP 204/ },
    { name: "a body without the reason", reply: { status: 200, body: {} }, message: /reply not understood/ },
  ])("a study reply with $name is a server problem", async ({ reply, message }) => {
    const cli = cliHarness(({ method }) => (method === "GET" ? { status: 200, body: LIST } : reply));
    expect(await cli.run(["preset", "attention-notes", "Keen"])).toBe(EXIT.unavailable);
    expect(cli.err.join("\n")).toMatch(message);
  });
});
