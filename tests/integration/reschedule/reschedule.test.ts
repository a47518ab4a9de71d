// Reschedule on change against real Postgres: a learner with two months of
// reviews lowers their desired retention; the preview counts what would move,
// the run moves every review card to what FSRS gives its stability at the new
// retention (within the fuzz range), never touches the review log, skips a
// card reviewed after the preview, is a no-op when retried, and its undo puts
// cards back except one reviewed since.
import { randomUUID } from "node:crypto";
import { fsrs, get_fuzz_range } from "ts-fsrs";
import { beforeEach, describe, expect, it } from "vitest";
import { GET, POST } from "@/app/api/reschedule/route";
import { POST as UNDO } from "@/app/api/reschedule/[id]/undo/route";
import { updateUserSettings } from "@/lib/data/user-settings";
import { recordReview } from "@/lib/reviews/record-review";
import { previewReschedule, runReschedule } from "@/lib/reschedule/reschedule";
import { undoReschedule } from "@/lib/reschedule/undo-reschedule";
import { DEFAULT_PRESET_OPTIONS } from "@/lib/scheduling/preset-options";
import { resetDb, testDb } from "../support/db";
import { bearerFor } from "../support/fixtures";
import { learnerWithHistory } from "./reschedule-fixtures";

const DAY = 86_400_000;
// The routes read the server's clock, so the history ends just before it.
const NOW = new Date();
const START = new Date(NOW.getTime() - 60 * DAY);
const soon = () => new Date(Date.now() + 1000);
const URL_BASE = "http://localhost/api/reschedule";

const post = (auth: string, body: unknown) =>
  POST(new Request(URL_BASE, { method: "POST", headers: { authorization: auth, "content-type": "application/json" }, body: JSON.stringify(body) }), undefined);
const undo = (auth: string, id: string) =>
  UNDO(new Request(`${URL_BASE}/${id}/undo`, { method: "POST", headers: { authorization: auth } }), { params: Promise.resolve({ id }) });

type Counts = { reviewCards: number; changed: number; sooner: number; later: number; dueByTomorrow: { before: number; after: number } };
type Run = { id: string; finished: boolean; changedCards: number; skippedCards: number; restoredCards: number | null; undoSkippedCards: number | null };

async function reviewLogFingerprint(userId: string) {
  const rows = await testDb().reviewLog.findMany({ where: { userId }, orderBy: { id: "asc" } });
  return JSON.stringify(rows);
}

describe("reschedule on change", { timeout: 120_000 }, () => {
  beforeEach(resetDb);

  it("previews, reschedules as FSRS says at the new retention, skips what was reviewed meanwhile, is idempotent, and undoes", async () => {
    const db = testDb();
    const { user } = await learnerWithHistory(db, { cards: 60, start: START, end: new Date(NOW.getTime() - DAY), seed: 7 });
    const auth = await bearerFor(db, user.id);
    const logBefore = await reviewLogFingerprint(user.id);
    const reviewRows = await db.cardState.findMany({ where: { userId: user.id, state: "REVIEW" }, orderBy: { cardId: "asc" } });
    expect(reviewRows.length).toBeGreaterThan(30);

    await updateUserSettings(db, user.id, { desiredRetention: 0.8 }, NOW);
    const previewResponse = await post(auth, { id: randomUUID(), reason: "RETENTION", dryRun: true });
    expect(previewResponse.status).toBe(200);
    const preview = (await previewResponse.json()) as { asOf: string; counts: Counts };
    expect(preview.counts.reviewCards).toBe(reviewRows.length);
    // Lower retention, longer intervals: most cards move later, and nothing was written.
    expect(preview.counts.later).toBeGreaterThan(preview.counts.sooner);
    expect(preview.counts.changed).toBeGreaterThan(reviewRows.length / 2);
    expect(preview.counts.dueByTomorrow.after).toBeLessThanOrEqual(preview.counts.dueByTomorrow.before);
    expect(await db.cardState.findMany({ where: { userId: user.id, state: "REVIEW" }, orderBy: { cardId: "asc" } })).toEqual(reviewRows);
    expect(await db.rescheduleRun.count()).toBe(0);

    // Another device reviews a card after the preview was shown: the run must leave that card as the review made it.
    const reviewed = reviewRows[0];
    if (!reviewed) throw new Error("no review card");
    await recordReview(db, { userId: user.id, reviewId: randomUUID(), cardId: reviewed.cardId, rating: 3 }, soon());
    const afterReview = await db.cardState.findUniqueOrThrow({ where: { id: reviewed.id } });

    const runId = randomUUID();
    const runResponse = await post(auth, { id: runId, reason: "RETENTION", asOf: preview.asOf });
    expect(runResponse.status).toBe(200);
    const result = (await runResponse.json()) as { run: Run; counts: Counts };
    expect(result.run).toMatchObject({ id: runId, finished: true, skippedCards: 1 });
    expect(result.run.changedCards).toBeGreaterThan(reviewRows.length / 2);
    expect(await db.cardState.findUniqueOrThrow({ where: { id: reviewed.id } })).toEqual(afterReview);

    // Every changed card: stability and difficulty kept (only the retention changed), due = last review + FSRS's interval at 0.8, fuzzed.
    const scheduler = fsrs({ request_retention: 0.8, maximum_interval: 36500, enable_fuzz: false });
    const changed = await db.rescheduleCard.findMany({ where: { runId } });
    expect(changed).toHaveLength(result.run.changedCards);
    for (const row of changed) {
      const state = await db.cardState.findUniqueOrThrow({ where: { userId_cardId: { userId: user.id, cardId: row.cardId } } });
      expect(state).toMatchObject({ due: row.dueAfter, scheduledDays: row.scheduledDaysAfter, version: row.versionWritten });
      expect(row.stabilityAfter).toBeCloseTo(row.stabilityBefore, 6);
      expect(row.difficultyAfter).toBeCloseTo(row.difficultyBefore, 6);
      const plain = scheduler.next_interval(row.stabilityAfter, state.elapsedDays);
      const { min_ivl, max_ivl } = get_fuzz_range(plain, state.elapsedDays, 36500);
      const [low, high] = plain < 2.5 ? [plain, plain] : [min_ivl, max_ivl];
      expect(row.scheduledDaysAfter).toBeGreaterThanOrEqual(low);
      expect(row.scheduledDaysAfter).toBeLessThanOrEqual(high);
      expect(row.dueAfter.getTime() - (state.lastReview?.getTime() ?? 0)).toBe(row.scheduledDaysAfter * DAY);
    }
    expect(await db.reviewLog.count({ where: { userId: user.id } })).toBe(JSON.parse(logBefore).length + 1);

    // A retry of the same run changes nothing; a fresh preview finds nothing left to move but, at most, the card
    // reviewed after the preview (its date came from its review's own fuzz draw, not the reschedule's).
    const statesAfterRun = await db.cardState.findMany({ where: { userId: user.id }, orderBy: { cardId: "asc" } });
    const retry = (await (await post(auth, { id: runId, reason: "RETENTION" })).json()) as { run: Run; counts: Counts | null };
    expect(retry).toEqual({ dryRun: false, run: result.run, counts: null });
    expect(await db.cardState.findMany({ where: { userId: user.id }, orderBy: { cardId: "asc" } })).toEqual(statesAfterRun);
    const again = (await (await post(auth, { id: randomUUID(), reason: "MANUAL", dryRun: true })).json()) as { counts: Counts };
    expect(again.counts.changed).toBeLessThanOrEqual(1);

    // A card reviewed after the run keeps its review on undo; every other card gets its earlier values back.
    const later = changed[0];
    if (!later) throw new Error("nothing changed");
    await recordReview(db, { userId: user.id, reviewId: randomUUID(), cardId: later.cardId, rating: 3 }, soon());
    const laterState = await db.cardState.findUniqueOrThrow({ where: { userId_cardId: { userId: user.id, cardId: later.cardId } } });
    const undone = (await (await undo(auth, runId)).json()) as { run: Run; alreadyUndone: boolean };
    expect(undone).toMatchObject({ alreadyUndone: false, run: { restoredCards: changed.length - 1, undoSkippedCards: 1 } });
    for (const row of changed) {
      const state = await db.cardState.findUniqueOrThrow({ where: { userId_cardId: { userId: user.id, cardId: row.cardId } } });
      if (row.cardId === later.cardId) expect(state).toEqual(laterState);
      else expect(state).toMatchObject({ due: row.dueBefore, scheduledDays: row.scheduledDaysBefore, stability: row.stabilityBefore });
    }
    const undoneStates = await db.cardState.findMany({ where: { userId: user.id }, orderBy: { cardId: "asc" } });
    expect(await (await undo(auth, runId)).json()).toMatchObject({ alreadyUndone: true, run: undone.run });
    expect(await db.cardState.findMany({ where: { userId: user.id }, orderBy: { cardId: "asc" } })).toEqual(undoneStates);

    // The review log holds the learner's reviews and nothing else: the reschedule and its undo wrote none.
    expect(await db.reviewLog.count({ where: { userId: user.id } })).toBe(JSON.parse(logBefore).length + 2);
    const listed = (await (await GET(new Request(URL_BASE, { headers: { authorization: auth } }), undefined)).json()) as { runs: Run[] };
    expect(listed.runs.map((r) => r.id)).toEqual([runId]);
  });

  it("pages through the cards in batches: every card moved once, every one put back", async () => {
    const db = testDb();
    const { user } = await learnerWithHistory(db, { cards: 45, start: START, end: new Date(NOW.getTime() - DAY), seed: 13 });
    await updateUserSettings(db, user.id, { desiredRetention: 0.85 }, NOW);
    const before = await db.cardState.findMany({ where: { userId: user.id }, orderBy: { cardId: "asc" } });
    const { counts } = await previewReschedule(db, user.id, new Date());
    const runId = randomUUID();
    // Batches of 4: a dozen pages, the last one short.
    const { run } = await runReschedule(db, user.id, { id: runId, reason: "RETENTION" }, new Date(), 4);
    expect(run).toMatchObject({ reviewCards: counts.reviewCards, changedCards: counts.changed, skippedCards: 0 });
    expect(await db.rescheduleCard.count({ where: { runId } })).toBe(counts.changed);
    const { run: undone } = await undoReschedule(db, user.id, runId, new Date(), 4);
    expect(undone).toMatchObject({ restoredCards: counts.changed, undoSkippedCards: 0 });
    const after = await db.cardState.findMany({ where: { userId: user.id }, orderBy: { cardId: "asc" } });
    const values = (rows: typeof before) => rows.map((r) => [r.cardId, r.due.getTime(), r.scheduledDays, r.stability, r.difficulty]);
    expect(values(after)).toEqual(values(before));
  });

  it("schedules each module's cards at its own preset's retention", async () => {
    const db = testDb();
    const { user, moduleId } = await learnerWithHistory(db, { cards: 30, start: START, end: new Date(NOW.getTime() - DAY), seed: 9 });
    const preset = await db.schedulingPreset.create({
      data: { id: randomUUID(), userId: user.id, name: "Exam week", ...DEFAULT_PRESET_OPTIONS, desiredRetention: 0.97 },
    });
    await db.enrollment.update({ where: { userId_moduleId: { userId: user.id, moduleId } }, data: { presetId: preset.id } });
    const runId = randomUUID();
    const { counts } = await runReschedule(db, user.id, { id: runId, reason: "RETENTION" }, new Date());
    // Higher retention, shorter intervals: cards come due sooner, at what FSRS gives at 0.97.
    expect(counts?.sooner).toBeGreaterThan(counts?.later ?? 0);
    const scheduler = fsrs({ request_retention: 0.97, maximum_interval: 36500, enable_fuzz: false });
    for (const row of await db.rescheduleCard.findMany({ where: { runId } })) {
      const state = await db.cardState.findUniqueOrThrow({ where: { userId_cardId: { userId: user.id, cardId: row.cardId } } });
      const plain = scheduler.next_interval(row.stabilityAfter, state.elapsedDays);
      const { min_ivl, max_ivl } = get_fuzz_range(plain, state.elapsedDays, 36500);
      expect(row.scheduledDaysAfter).toBeGreaterThanOrEqual(plain < 2.5 ? plain : min_ivl);
      expect(row.scheduledDaysAfter).toBeLessThanOrEqual(plain < 2.5 ? plain : max_ivl);
    }
  });

  it("rejects a bad body with the field named, and another user's run as not found", async () => {
    const db = testDb();
    const { user } = await learnerWithHistory(db, { cards: 3, start: START, end: NOW, seed: 3 });
    const auth = await bearerFor(db, user.id);
    const bad = await post(auth, { id: "not-a-uuid", reason: "RETENTION" });
    expect(bad.status).toBe(422);
    expect(JSON.stringify(await bad.json())).toContain("id");
    expect((await post(auth, { id: randomUUID(), reason: "SOMETIMES" })).status).toBe(422);
    const runId = randomUUID();
    expect((await post(auth, { id: runId, reason: "MANUAL" })).status).toBe(200);
    const other = await learnerWithHistory(db, { cards: 1, start: START, end: NOW, seed: 4 });
    const otherAuth = await bearerFor(db, other.user.id);
    expect((await undo(otherAuth, runId)).status).toBe(404);
    expect((await post(otherAuth, { id: runId, reason: "MANUAL" })).status).toBe(409);
  });
});
