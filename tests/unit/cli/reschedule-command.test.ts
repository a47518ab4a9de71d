// `reschedule [--dry-run] [--reason …]`, `reschedule undo <id>` and `reschedules` against a scripted server: the requests sent and the lines printed.
import { describe, expect, it } from "vitest";
import { parseCommand } from "@/scripts/cli/args";
import { EXIT } from "@/scripts/cli/exit-codes";
import { USAGE } from "@/scripts/cli/args";
import { cliHarness, ID, URL_BASE, type SentRequest } from "./cli-harness";

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

/** POST /api/reschedule (preview or run, logged with the reason sent), its undo, and the run list. */
function rescheduleServer({ method, path, body }: SentRequest) {
  if (path.endsWith("/undo"))
    return { status: 200, body: { run: { ...RUN, undoneAt: RUN.createdAt, restoredCards: 10, undoSkippedCards: 1 }, alreadyUndone: false } };
  if (method === "GET") return { status: 200, body: { runs: [RUN, { ...RUN, reason: "BALANCING" }] } };
  const { dryRun, reason } = body as { dryRun?: boolean; reason: string };
  return { status: 200, body: dryRun ? { dryRun: true, asOf: RUN.createdAt, counts: COUNTS } : { dryRun: false, run: { ...RUN, reason }, counts: COUNTS } };
}

const run = (dryRun: boolean, reason: string) => ({ ok: true, command: { kind: "reschedule", reschedule: { kind: "run", dryRun, reason }, token: undefined } });

describe("reschedule commands", () => {
  it.each([
    { name: "a dry run, for no particular reason", argv: ["reschedule", "--dry-run"], parsed: run(true, "MANUAL") },
    { name: "a run after new retention", argv: ["reschedule", "--reason", "retention"], parsed: run(false, "RETENTION") },
    { name: "a reason in any case", argv: ["reschedule", "--reason=Weights", "--dry-run"], parsed: run(true, "WEIGHTS") },
    { name: "balancing", argv: ["reschedule", "--reason", "balancing"], parsed: run(false, "BALANCING") },
    { name: "manual, named", argv: ["reschedule", "--reason", "manual"], parsed: run(false, "MANUAL") },
    {
      name: "undo",
      argv: ["reschedule", "undo", ID],
      parsed: { ok: true, command: { kind: "reschedule", reschedule: { kind: "undo", id: ID }, token: undefined } },
    },
    { name: "the list", argv: ["reschedules"], parsed: { ok: true, command: { kind: "reschedule", reschedule: { kind: "list" }, token: undefined } } },
  ])("parse $name", ({ argv, parsed }) => {
    expect(parseCommand(argv)).toEqual(parsed);
  });

  it.each([
    { name: "an id that is not one", argv: ["reschedule", "undo", "42"], message: /not a reschedule id/ },
    { name: "a flag of another command", argv: ["reschedule", "--seed", "3"], message: /only --dry-run and --reason/ },
    {
      name: "a reason the server does not log",
      argv: ["reschedule", "--reason", "soon"],
      message: /--reason is retention, weights, balancing or manual, not "soon"/,
    },
    { name: "an empty reason", argv: ["reschedule", "--reason="], message: /--reason is retention, weights, balancing or manual/ },
    { name: "a reason for an undo", argv: ["reschedule", "undo", ID, "--reason", "manual"], message: /or `undo <id>`/ },
    { name: "a reason for the list", argv: ["reschedules", "--reason", "manual"], message: /takes no arguments/ },
    { name: "a reason for another command", argv: ["easy-days", "--reason", "balancing"], message: /--reason belongs to `reschedule`/ },
  ])("refuse $name", ({ argv, message }) => {
    expect(parseCommand(argv)).toMatchObject({ ok: false, message: expect.stringMatching(message) });
  });

  it("the usage names the reasons", () => {
    expect(USAGE).toMatch(/reschedule \[--dry-run\] \[--reason R\]/);
    expect(USAGE).toMatch(/retention, weights, balancing or manual \(the default\)/);
  });

  it("a bad reason sends nothing and exits with a usage error", async () => {
    const cli = cliHarness(rescheduleServer);
    expect(await cli.run(["reschedule", "--reason", "easy-days"])).toBe(EXIT.usage);
    expect(cli.sent).toEqual([]);
    expect(cli.err[0]).toBe('error: --reason is retention, weights, balancing or manual, not "easy-days"');
  });

  it("a dry run only previews", async () => {
    const cli = cliHarness(rescheduleServer);
    expect(await cli.run(["reschedule", "--dry-run"])).toBe(EXIT.ok);
    expect(cli.sent).toMatchObject([{ method: "POST", url: `${URL_BASE}/api/reschedule`, body: { id: ID, reason: "MANUAL", dryRun: true } }]);
    expect(cli.out).toEqual(["12 of 40 review cards would move (2 sooner, 10 later); due by the end of tomorrow: 7 → 5"]);
  });

  it("a run previews, then reschedules as of the preview, and says how to undo", async () => {
    const cli = cliHarness(rescheduleServer);
    expect(await cli.run(["reschedule"])).toBe(EXIT.ok);
    expect(cli.sent[1]).toMatchObject({ method: "POST", url: `${URL_BASE}/api/reschedule`, body: { id: ID, reason: "MANUAL", asOf: RUN.createdAt } });
    expect(cli.out[1]).toBe(`rescheduled 11 cards (1 reviewed meanwhile left); undo with: reschedule undo ${ID}`);
  });

  it("a run with a reason sends it with the preview and the run, and the list shows it", async () => {
    const cli = cliHarness(rescheduleServer);
    expect(await cli.run(["reschedule", "--reason", "balancing"])).toBe(EXIT.ok);
    expect(cli.sent.map((s) => (s.body as { reason: string }).reason)).toEqual(["BALANCING", "BALANCING"]);
    expect(await cli.run(["reschedules"])).toBe(EXIT.ok);
    expect(cli.out.slice(2)).toEqual([`${ID}  2026-03-02 09:00  manual: 11 of 40 moved, 1 left`, `${ID}  2026-03-02 09:00  balancing: 11 of 40 moved, 1 left`]);
  });

  it("undo and list", async () => {
    const cli = cliHarness(rescheduleServer);
    expect(await cli.run(["reschedule", "undo", ID])).toBe(EXIT.ok);
    expect(cli.sent[0]).toMatchObject({ method: "POST", url: `${URL_BASE}/api/reschedule/${ID}/undo` });
    expect(cli.out).toEqual(["put back 10 cards; 1 reviewed since kept their new dates"]);
    expect(await cli.run(["reschedules"])).toBe(EXIT.ok);
    expect(cli.out[1]).toBe(`${ID}  2026-03-02 09:00  manual: 11 of 40 moved, 1 left`);
  });
});
