// `reschedule [--dry-run]`, `reschedule undo <id>` and `reschedules` without a server: the requests sent and the lines printed.
import { describe, expect, it } from "vitest";
import { parseCommand } from "@/scripts/cli/args";
import { EXIT } from "@/scripts/cli/exit-codes";
import { runCli, type CliDeps } from "@/scripts/cli/run";
import { ID, TOKEN, URL_BASE } from "./fixtures";

const COUNTS = { reviewCards: 40, changed: 12, sooner: 2, later: 10, dueByTomorrow: { before: 7, after: 5 } };
const RUN = {
  id: ID,
  reason: "MANUAL",
  createdAt: "2026-03-02T09:00:00.000Z",
  finished: true,
  reviewCards: 40,
  changedCards: 11,
  skippedCards: 1,
  undoneAt: null,
  restoredCards: null,
  undoSkippedCards: null,
};

function serverDeps() {
  const sent: { method: string; url: string; body: unknown }[] = [];
  const out: string[] = [];
  const err: string[] = [];
  const deps: CliDeps = {
    env: { RESIDUAL_URL: URL_BASE, RESIDUAL_TOKEN: TOKEN },
    fetch: async (url, init) => {
      const body = typeof init.body === "string" ? (JSON.parse(init.body) as { dryRun?: boolean }) : undefined;
      sent.push({ method: init.method ?? "GET", url, body });
      if (url.endsWith("/undo"))
        return Response.json({ run: { ...RUN, undoneAt: RUN.createdAt, restoredCards: 10, undoSkippedCards: 1 }, alreadyUndone: false });
      if (init.method === "GET") return Response.json({ runs: [RUN] });
      return Response.json(body?.dryRun ? { dryRun: true, asOf: RUN.createdAt, counts: COUNTS } : { dryRun: false, run: RUN, counts: COUNTS });
    },
    readFile: async () => "",
    newId: () => ID,
    out: (line) => out.push(line),
    err: (line) => err.push(line),
  };
  return { deps, sent, out, err };
}

describe("reschedule commands", () => {
  it("parse, and refuse what they do not take", () => {
    expect(parseCommand(["reschedule", "--dry-run"])).toEqual({
      ok: true,
      command: { kind: "reschedule", reschedule: { kind: "run", dryRun: true }, token: undefined },
    });
    expect(parseCommand(["reschedule", "undo", ID])).toEqual({
      ok: true,
      command: { kind: "reschedule", reschedule: { kind: "undo", id: ID }, token: undefined },
    });
    expect(parseCommand(["reschedules"])).toEqual({ ok: true, command: { kind: "reschedule", reschedule: { kind: "list" }, token: undefined } });
    expect(parseCommand(["reschedule", "undo", "42"])).toMatchObject({ ok: false, message: expect.stringContaining("not a reschedule id") });
    expect(parseCommand(["reschedule", "--seed", "3"])).toMatchObject({ ok: false });
  });

  it("a dry run only previews", async () => {
    const { deps, sent, out } = serverDeps();
    expect(await runCli(["reschedule", "--dry-run"], deps)).toBe(EXIT.ok);
    expect(sent).toEqual([{ method: "POST", url: `${URL_BASE}/api/reschedule`, body: { id: ID, reason: "MANUAL", dryRun: true } }]);
    expect(out).toEqual(["12 of 40 review cards would move (2 sooner, 10 later); due by the end of tomorrow: 7 → 5"]);
  });

  it("a run previews, then reschedules as of the preview, and says how to undo", async () => {
    const { deps, sent, out } = serverDeps();
    expect(await runCli(["reschedule"], deps)).toBe(EXIT.ok);
    expect(sent[1]).toEqual({ method: "POST", url: `${URL_BASE}/api/reschedule`, body: { id: ID, reason: "MANUAL", asOf: RUN.createdAt } });
    expect(out[1]).toBe(`rescheduled 11 cards (1 reviewed meanwhile left); undo with: reschedule undo ${ID}`);
  });

  it("undo and list", async () => {
    const { deps, sent, out } = serverDeps();
    expect(await runCli(["reschedule", "undo", ID], deps)).toBe(EXIT.ok);
    expect(sent[0]).toMatchObject({ method: "POST", url: `${URL_BASE}/api/reschedule/${ID}/undo` });
    expect(out).toEqual(["put back 10 cards; 1 reviewed since kept their new dates"]);
    expect(await runCli(["reschedules"], deps)).toBe(EXIT.ok);
    expect(out[1]).toBe(`${ID}  2026-03-02 09:00  manual: 11 of 40 moved, 1 left`);
  });
});
