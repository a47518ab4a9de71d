// A finished grill sends its failed questions back to the daily queue: a
// studied interview card, a never-studied one (past the new-card limit) and
// the exercise card of a failed numeric item all show up in getTodayQueue,
// and the requeue's compare-and-set never overwrites a concurrent review.
import { randomUUID } from "node:crypto";
import pg from "pg";
import { beforeEach, describe, expect, it } from "vitest";
import { answerGrillItem, gradeKeyPoints } from "@/lib/grills/answer-item";
import { finishGrill } from "@/lib/grills/finish-grill";
import { startGrill } from "@/lib/grills/start-grill";
import type { GrillView } from "@/lib/grills/grill-view";
import { getTodayQueue } from "@/lib/queue/today-queue";
import { recordReview } from "@/lib/reviews/record-review";
import { resetDb, testDb } from "../support/db";
import { createUser } from "../support/fixtures";
import { createGrillModule, wrongAnswers } from "../support/grill-fixtures";
import { catalogue } from "@/exercises/catalogue";

const SEED = () => 7;

async function setUp() {
  const db = testDb();
  const user = await createUser(db);
  // No new cards today: a never-studied card can only reach the queue through the grill.
  await db.userSettings.update({ where: { userId: user.id }, data: { newCardsPerDay: 0 } });
  const module = await createGrillModule(db, user.id, [{ topic: "Normalization" }, { topic: "KV cache" }]);
  return { db, user, module };
}

/** Answers every item of the grill wrongly: no key point ticked, numeric steps far off. */
async function failAll(userId: string, grill: GrillView, now: Date): Promise<void> {
  for (const item of grill.items) {
    if (item.kind === "numeric" && item.exercise) {
      const outcome = await answerGrillItem(
        testDb(),
        catalogue,
        { userId, grillId: grill.id, position: item.position, answers: wrongAnswers(item.exercise.slug, item.exercise.seed), timeMs: 10_000 },
        now,
      );
      expect(outcome).toMatchObject({ stored: true, duplicate: false });
    } else {
      await answerGrillItem(testDb(), catalogue, { userId, grillId: grill.id, position: item.position, answer: "no idea", timeMs: 10_000 }, now);
      await gradeKeyPoints(testDb(), catalogue, { userId, grillId: grill.id, position: item.position, keyPointsHit: [] }, now);
    }
  }
}

describe("grill requeue", () => {
  beforeEach(resetDb);

  it("puts failed interview cards (studied and never studied) and a failed numeric item's exercise card in today's queue", async () => {
    const { db, user, module } = await setUp();
    const [studied, fresh] = module.interviewIds;
    if (!studied || !fresh) throw new Error("fixture");
    const t0 = new Date();
    // Easy on a new card: a review state due days from now.
    await recordReview(db, { userId: user.id, reviewId: randomUUID(), cardId: studied, rating: 4 }, new Date(t0.getTime() - 60_000));
    const before = await db.cardState.findUniqueOrThrow({ where: { userId_cardId: { userId: user.id, cardId: studied } } });
    expect(before.due.getTime()).toBeGreaterThan(t0.getTime() + 86_400_000);

    const { grill } = await startGrill(db, catalogue, { userId: user.id, grillId: randomUUID(), length: 3, difficulty: null, secondsPerItem: 60 }, t0);
    const numeric = grill.items.find((i) => i.kind === "numeric");
    const exerciseCard = module.exerciseCardIds.get(numeric?.exercise?.slug ?? "");
    if (!exerciseCard) throw new Error("expected a numeric item with an exercise card");
    const queued = async (now: Date) => (await getTodayQueue(db, catalogue, user.id, now, SEED)).cards.map((c) => c.cardId);
    expect(await queued(t0)).not.toEqual(expect.arrayContaining([studied]));
    expect(await queued(t0)).toEqual([]);

    const answeredAt = new Date(t0.getTime() + 20_000);
    await failAll(user.id, grill, answeredAt);
    const finishedAt = new Date(t0.getTime() + 30_000);
    const summary = await finishGrill(db, catalogue, user.id, grill.id, finishedAt);
    expect(summary.items.map((i) => i.verdict)).toEqual(["failed", "failed", "failed"]);
    expect(summary.summary).toMatchObject({ score: 0, requeued: 3 });

    const ids = await queued(new Date(finishedAt.getTime() + 1000));
    expect(ids).toEqual(expect.arrayContaining([studied, fresh, exerciseCard]));
    expect(ids).toHaveLength(3);
    const after = await db.cardState.findUniqueOrThrow({ where: { userId_cardId: { userId: user.id, cardId: studied } } });
    // Only `due` moved: the memory of the card is kept, through the version check.
    expect(after).toMatchObject({
      due: finishedAt,
      stability: before.stability,
      difficulty: before.difficulty,
      reps: before.reps,
      state: "REVIEW",
      version: before.version + 1,
    });
    const created = await db.cardState.findUniqueOrThrow({ where: { userId_cardId: { userId: user.id, cardId: fresh } } });
    expect(created).toMatchObject({ due: finishedAt, state: "LEARNING", version: 1 });
    expect(await db.reviewLog.count({ where: { userId: user.id } })).toBe(1);

    const items = await db.grillItem.findMany({ where: { grillId: grill.id } });
    expect(items.every((i) => i.requeuedAt?.getTime() === finishedAt.getTime())).toBe(true);
    // Finishing again changes nothing.
    const again = await finishGrill(db, catalogue, user.id, grill.id, new Date(finishedAt.getTime() + 60_000));
    expect(again).toEqual(summary);
    expect((await db.cardState.findUniqueOrThrow({ where: { id: after.id } })).version).toBe(after.version);

    // The requeued new card is reviewed like any learning card.
    const review = await recordReview(db, { userId: user.id, reviewId: randomUUID(), cardId: fresh, rating: 3 }, new Date(finishedAt.getTime() + 5000));
    expect(review.state?.state).toMatch(/LEARNING|REVIEW/);
  });

  it("keeps an answer given when the clock ran out, blanks included, scores it 0 and requeues it", async () => {
    const { db, user, module } = await setUp();
    const t0 = new Date();
    const { grill } = await startGrill(db, catalogue, { userId: user.id, grillId: randomUUID(), length: 3, difficulty: null, secondsPerItem: 30 }, t0);
    // Each answer comes 45 s after the one before: the server saw the whole clock pass every time.
    const lateFor = (position: number) => new Date(t0.getTime() + 45_000 * (position + 1));
    const late = lateFor(grill.items.length - 1);
    for (const item of grill.items) {
      const body = item.kind === "numeric" ? { answers: {} } : { answer: "" };
      const outcome = await answerGrillItem(
        db,
        catalogue,
        { userId: user.id, grillId: grill.id, position: item.position, ...body, timeMs: 45_000 },
        lateFor(item.position),
      );
      expect(outcome.item).toMatchObject({ answered: true, outOfTime: true, timeMs: 30_000 });
      if (item.kind === "interview") {
        // The learner still sees the reveal and may tick what they would have said; it scores 0 all the same.
        expect(outcome.item.reveal?.keyPointsHtml).toHaveLength(3);
        const ticked = await gradeKeyPoints(
          db,
          catalogue,
          { userId: user.id, grillId: grill.id, position: item.position, keyPointsHit: [0, 1, 2] },
          lateFor(item.position),
        );
        expect(ticked.item).toMatchObject({ score: 0, verdict: "out-of-time", keyPointsHit: [0, 1, 2] });
      } else {
        expect(outcome.item).toMatchObject({ score: 0, verdict: "out-of-time", grade: { attemptId: null } });
      }
    }
    // Blank steps are not an exercise attempt: nothing counts toward exercise accuracy.
    expect(await db.exerciseAttempt.count()).toBe(0);
    const view = await finishGrill(db, catalogue, user.id, grill.id, new Date(late.getTime() + 1000));
    expect(view.summary).toMatchObject({ score: 0, answered: 3, requeued: 3 });
    const queued = (await getTodayQueue(db, catalogue, user.id, new Date(late.getTime() + 2000), SEED)).cards.map((c) => c.cardId);
    expect(queued).toEqual(expect.arrayContaining(module.interviewIds));
  });

  it("does not overwrite a review that lands while the finish is waiting to write", async () => {
    const { db, user, module } = await setUp();
    const t0 = new Date();
    for (const cardId of module.interviewIds) {
      await recordReview(db, { userId: user.id, reviewId: randomUUID(), cardId, rating: 4 }, new Date(t0.getTime() - 60_000));
    }
    const { grill } = await startGrill(db, catalogue, { userId: user.id, grillId: randomUUID(), length: 2, difficulty: null, secondsPerItem: 60 }, t0);
    await failAll(user.id, grill, new Date(t0.getTime() + 10_000));
    // Two questions: both interview, so the first item's card is requeued.
    const cardId = (await db.grillItem.findFirstOrThrow({ where: { grillId: grill.id, position: 0 } })).cardId;
    if (!cardId) throw new Error("expected an interview item first");
    const before = await db.cardState.findUniqueOrThrow({ where: { userId_cardId: { userId: user.id, cardId } } });

    // Another device's review, mid-write: the row is changed and locked but not committed yet.
    const other = new pg.Client({ connectionString: process.env.DATABASE_URL });
    await other.connect();
    try {
      await other.query("BEGIN");
      await other.query(`UPDATE card_state SET stability = 42.5, reps = reps + 1, version = version + 1 WHERE id = $1`, [before.id]);
      const finishedAt = new Date(t0.getTime() + 20_000);
      const finishing = finishGrill(db, catalogue, user.id, grill.id, finishedAt);
      await waitForLockWait(other);
      await other.query("COMMIT");
      await finishing;

      const after = await db.cardState.findUniqueOrThrow({ where: { id: before.id } });
      expect(after).toMatchObject({ stability: 42.5, reps: before.reps + 1, due: finishedAt, version: before.version + 2 });
    } finally {
      await other.end();
    }
  });
});

/** Resolves once some backend of this database waits on a row lock (the finish's compare-and-set). */
async function waitForLockWait(client: pg.Client): Promise<void> {
  for (let i = 0; i < 200; i++) {
    const { rows } = await client.query<{ n: string }>(
      "SELECT count(*) AS n FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock'",
    );
    if (Number(rows[0]?.n ?? 0) > 0) return;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error("the finish never waited on the locked card state");
}
