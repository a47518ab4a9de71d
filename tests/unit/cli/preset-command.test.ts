// `presets` and `preset <module> <name|default>` without a server: the requests sent and the lines printed.
import { describe, expect, it } from "vitest";
import { parseCommand } from "@/scripts/cli/args";
import { EXIT } from "@/scripts/cli/exit-codes";
import { runCli, type CliDeps } from "@/scripts/cli/run";
import type { PresetList } from "@/lib/presets/presets";
import { DEFAULT_PRESET_OPTIONS } from "@/lib/scheduling/preset-options";
import { ID, TOKEN, URL_BASE } from "./fixtures";

const LIST: PresetList = {
  defaults: DEFAULT_PRESET_OPTIONS,
  presets: [{ ...DEFAULT_PRESET_OPTIONS, id: ID, name: "Light days", newCardsPerDay: 3, modules: 1, updatedAt: "2026-03-02T09:00:00.000Z" }],
};

function serverDeps(studyStatus = 204) {
  const sent: { method: string; url: string; body: unknown }[] = [];
  const out: string[] = [];
  const err: string[] = [];
  const deps: CliDeps = {
    env: { RESIDUAL_URL: URL_BASE, RESIDUAL_TOKEN: TOKEN },
    fetch: async (url, init) => {
      sent.push({ method: init.method ?? "GET", url, body: typeof init.body === "string" ? (JSON.parse(init.body) as unknown) : undefined });
      if (init.method === "PATCH") {
        return studyStatus === 204
          ? new Response(null, { status: 204 })
          : new Response(JSON.stringify({ error: { code: "NOT_FOUND", message: "Module 'nope' not found" } }), { status: studyStatus });
      }
      return new Response(JSON.stringify(LIST), { status: 200 });
    },
    readFile: async () => "",
    newId: () => ID,
    out: (line) => out.push(line),
    err: (line) => err.push(line),
  };
  return { deps, sent, out, err };
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
    const { deps, out } = serverDeps();
    expect(await runCli(["presets"], deps)).toBe(EXIT.ok);
    expect(out).toEqual([
      "default (your settings): retention 90%, 20 new / 200 reviews a day, steps 1m 10m, due order, new mixed",
      "Light days (1 module): retention 90%, 3 new / 200 reviews a day, steps 1m 10m, due order, new mixed",
    ]);
  });

  it("preset sets a module's preset by name (any case), or back to the settings with default", async () => {
    const { deps, sent, out } = serverDeps();
    expect(await runCli(["preset", "attention-notes", "light DAYS"], deps)).toBe(EXIT.ok);
    expect(sent[1]).toEqual({ method: "PATCH", url: `${URL_BASE}/api/modules/attention-notes/study`, body: { presetId: ID } });
    expect(out).toEqual(["attention-notes now follows Light days"]);
    expect(await runCli(["preset", "attention-notes", "default"], deps)).toBe(EXIT.ok);
    expect(sent[3]?.body).toEqual({ presetId: null });
  });

  it("an unknown preset name is a usage error and sends no change; a module the server does not know is its 404", async () => {
    const unknown = serverDeps();
    expect(await runCli(["preset", "attention-notes", "Heavy"], unknown.deps)).toBe(EXIT.usage);
    expect(unknown.err[0]).toMatch(/no preset called "Heavy"/);
    expect(unknown.sent.map((s) => s.method)).toEqual(["GET"]);
    const missing = serverDeps(404);
    expect(await runCli(["preset", "nope", "default"], missing.deps)).not.toBe(EXIT.ok);
    expect(missing.err.join("\n")).toMatch(/not found/);
  });
});
