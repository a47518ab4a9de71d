import { randomUUID } from "node:crypto";
import { beforeEach, describe, expect, it } from "vitest";
import { writeImportedHistory } from "@/lib/data/imported-history";
import { getTodayQueue } from "@/lib/queue/today-queue";
import { recordReview } from "@/lib/reviews/record-review";
import { undoReview } from "@/lib/reviews/undo-review";
import { DEFAULT_SCHEDULER_SETTINGS, replayReviews, type Rating } from "@/lib/scheduling";
import { resetDb, testDb } from "../support/db";
import { createModuleWithCards, createUser, enroll } from "../support/fixtures";
import { catalogue } from "@/exercises/catalogue";

const DAY = 86_400_000;
const START = new Date("2026-01-05T10:00:00Z");
const at = (days: number) => new Date(START.getTime() + days * DAY);
const review = (rating: Rating, days: number) => ({ kind: "review" as const, rating, at: at(days), durationMs: 4000 });

describe("writing an imported review history", () => {
  beforeEach(resetDb);

  it("stores every replayed review and the state it leads to, once, and the card comes due when FSRS says", async () => {
    const db = testDb();
    const user = await createUser(db);
    const module = await createModuleWithCards(db, { cards: 4 });
    await enroll(db, user.id, module.moduleId);
    const [reviewed, suspended, untouched, suspendedNew] = module.cardIds;
    const history = replayReviews([review(3, 0), review(3, 1), review(3, 5), review(3, 19)], DEFAULT_SCHEDULER_SETTINGS);
    const histories = [
      { cardId: reviewed ?? "", replay: history, suspended: false },
      { cardId: suspended ?? "", replay: replayReviews([review(1, 2), review(3, 3)], DEFAULT_SCHEDULER_SETTINGS), suspended: true },
      { cardId: untouched ?? "", replay: { state: null, reviews: [] }, suspended: false },
      { cardId: suspendedNew ?? "", replay: { state: null, reviews: [] }, suspended: true },
    ];
    const now = at(20);

    expect(await writeImportedHistory(db, user.id, histories, now)).toEqual({ cards: 2, reviews: 6 });
    const state = await db.cardState.findUniqueOrThrow({ where: { userId_cardId: { userId: user.id, cardId: reviewed ?? "" } } });
    expect(state).toMatchObject({ state: "REVIEW", reps: 4, version: 4, due: history.state?.due, lastReview: at(19), suspendedAt: null });
    expect(await db.cardState.findUniqueOrThrow({ where: { userId_cardId: { userId: user.id, cardId: suspended ?? "" } } })).toMatchObject({
      suspendedAt: now,
    });
    const logs = await db.reviewLog.findMany({ where: { userId: user.id, cardId: reviewed }, orderBy: { reviewedAt: "asc" } });
    expect(logs.map((l) => [l.rating, l.reviewedAt, l.stateVersionAfter, l.durationMs])).toEqual([
      [3, at(0), 1, 4000],
      [3, at(1), 2, 4000],
      [3, at(5), 3, 4000],
      [3, at(19), 4, 4000],
    ]);

    // The same package again: nothing new.
    expect(await writeImportedHistory(db, user.id, histories, at(21))).toEqual({ cards: 0, reviews: 0 });
    expect(await db.reviewLog.count({ where: { userId: user.id } })).toBe(6);

    // Not due yet the day after; the untouched card is new.
    const queue = await getTodayQueue(db, catalogue, user.id, at(20));
    expect(queue.cards.map((c) => c.cardId)).toEqual([untouched]);
  });

  it("continues in the app: a review on top of the import, and its undo, restore exactly", async () => {
    const db = testDb();
    const user = await createUser(db);
    const module = await createModuleWithCards(db, { cards: 1 });
    await enroll(db, user.id, module.moduleId);
    const cardId = module.cardIds[0] ?? "";
    await writeImportedHistory(
      db,
      user.id,
      [{ cardId, replay: replayReviews([review(3, 0), review(3, 2)], DEFAULT_SCHEDULER_SETTINGS), suspended: false }],
      at(3),
    );
    // Undoing the newest imported review goes back to the state before it, as an undo in the app would.
    const newestImported = await db.reviewLog.findFirstOrThrow({ where: { userId: user.id, cardId }, orderBy: { reviewedAt: "desc" } });
    await undoReview(db, { userId: user.id, reviewId: newestImported.id }, at(3));
    const before = await db.cardState.findUniqueOrThrow({ where: { userId_cardId: { userId: user.id, cardId } } });
    expect(before).toMatchObject({ reps: 1, lastReview: at(0) });

    // A review in the app on top of the import, then its undo: back exactly to the imported state.
    const reviewId = randomUUID();
    await recordReview(db, { userId: user.id, reviewId, cardId, rating: 1 }, at(30));
    await undoReview(db, { userId: user.id, reviewId }, at(30));
    const after = await db.cardState.findUniqueOrThrow({ where: { userId_cardId: { userId: user.id, cardId } } });
    expect({ ...after, version: 0, updatedAt: null }).toEqual({ ...before, version: 0, updatedAt: null });
  });
});
