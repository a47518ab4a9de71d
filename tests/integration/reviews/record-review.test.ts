import { randomUUID } from "node:crypto";
import { beforeEach, describe, expect, it } from "vitest";
import { recordReview } from "@/lib/reviews/record-review";
import { undoReview } from "@/lib/reviews/undo-review";
import { listSuspendedCards, unsuspendCard } from "@/lib/reviews/suspension";
import { AppError } from "@/lib/errors/app-error";
import { resetDb, testDb } from "../support/db";
import { createModuleWithCards, createUser, enroll } from "../support/fixtures";

const T0 = new Date("2026-03-02T09:00:00Z");
const minutes = (n: number) => new Date(T0.getTime() + n * 60_000);

describe("recordReview", () => {
  beforeEach(resetDb);

  async function setup() {
    const db = testDb();
    const user = await createUser(db);
    const { moduleId, cardIds } = await createModuleWithCards(db, { cards: 3 });
    await enroll(db, user.id, moduleId);
    return { db, user, cardId: cardIds[0] as string };
  }

  it("creates the state and one log row in the same write", async () => {
    const { db, user, cardId } = await setup();
    const result = await recordReview(db, { userId: user.id, reviewId: randomUUID(), cardId, rating: 3, durationMs: 4200 }, T0);
    expect(result.duplicate).toBe(false);
    const state = await db.cardState.findUniqueOrThrow({ where: { userId_cardId: { userId: user.id, cardId } } });
    expect(state.reps).toBe(1);
    expect(state.version).toBe(1);
    expect(state.lastReview).toEqual(T0);
    const logs = await db.reviewLog.findMany({ where: { userId: user.id } });
    expect(logs).toHaveLength(1);
    expect(logs[0]).toMatchObject({ rating: 3, state: "NEW", durationMs: 4200, reviewedAt: T0, stateVersionAfter: 1 });
  });

  it("records a retried post once", async () => {
    const { db, user, cardId } = await setup();
    const reviewId = randomUUID();
    const first = await recordReview(db, { userId: user.id, reviewId, cardId, rating: 3 }, T0);
    const again = await recordReview(db, { userId: user.id, reviewId, cardId, rating: 3 }, minutes(1));
    expect(again.duplicate).toBe(true);
    expect(again.state?.due).toEqual(first.state?.due);
    expect(await db.reviewLog.count()).toBe(1);
  });

  it("records a double tap racing in parallel once", async () => {
    const { db, user, cardId } = await setup();
    const reviewId = randomUUID();
    const results = await Promise.all(Array.from({ length: 6 }, () => recordReview(db, { userId: user.id, reviewId, cardId, rating: 3 }, T0)));
    expect(results.filter((r) => !r.duplicate)).toHaveLength(1);
    expect(await db.reviewLog.count()).toBe(1);
    const state = await db.cardState.findUniqueOrThrow({ where: { userId_cardId: { userId: user.id, cardId } } });
    expect(state.reps).toBe(1);
  });

  it("serialises two devices reviewing the same card: no review is lost", async () => {
    const { db, user, cardId } = await setup();
    await Promise.all(Array.from({ length: 5 }, (_, i) => recordReview(db, { userId: user.id, reviewId: randomUUID(), cardId, rating: i % 2 ? 1 : 3 }, T0)));
    const state = await db.cardState.findUniqueOrThrow({ where: { userId_cardId: { userId: user.id, cardId } } });
    expect(state.reps).toBe(5);
    expect(state.version).toBe(5);
    const logs = await db.reviewLog.findMany({ where: { userId: user.id }, orderBy: { stateVersionAfter: "asc" } });
    expect(logs.map((l) => l.stateVersionAfter)).toEqual([1, 2, 3, 4, 5]);
  });

  it("refuses a card the user cannot see", async () => {
    const db = testDb();
    const owner = await createUser(db, "owner");
    const other = await createUser(db, "other");
    const { moduleId, cardIds } = await createModuleWithCards(db, { cards: 1, scope: owner.id, ownerId: owner.id });
    await enroll(db, owner.id, moduleId);
    await enroll(db, other.id, moduleId);
    const attempt = recordReview(db, { userId: other.id, reviewId: randomUUID(), cardId: cardIds[0] as string, rating: 3 }, T0);
    await expect(attempt).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect(await db.cardState.count()).toBe(0);
  });

  it("tags a card as a leech at 8 lapses and suspends it", async () => {
    const { db, user, cardId } = await setup();
    await db.cardState.create({
      data: {
        userId: user.id,
        cardId,
        due: T0,
        stability: 2,
        difficulty: 8,
        elapsedDays: 3,
        scheduledDays: 3,
        learningSteps: 0,
        reps: 20,
        lapses: 7,
        state: "REVIEW",
        lastReview: minutes(-3 * 24 * 60),
        version: 1,
      },
    });
    const result = await recordReview(db, { userId: user.id, reviewId: randomUUID(), cardId, rating: 1 }, T0);
    expect(result.leech).toBe(true);
    const state = await db.cardState.findUniqueOrThrow({ where: { userId_cardId: { userId: user.id, cardId } } });
    expect(state).toMatchObject({ lapses: 8, isLeech: true, suspendedAt: T0 });
    const next = recordReview(db, { userId: user.id, reviewId: randomUUID(), cardId, rating: 3 }, minutes(5));
    await expect(next).rejects.toBeInstanceOf(AppError);

    expect((await listSuspendedCards(db, user.id)).map((c) => c.cardId)).toEqual([cardId]);
    const other = await createUser(db, "other");
    await expect(unsuspendCard(db, other.id, cardId, minutes(6))).rejects.toMatchObject({ code: "NOT_FOUND" });
    await unsuspendCard(db, user.id, cardId, minutes(6));
    expect(await listSuspendedCards(db, user.id)).toEqual([]);
    const back = await recordReview(db, { userId: user.id, reviewId: randomUUID(), cardId, rating: 3 }, minutes(6));
    expect(back.duplicate).toBe(false);
  });

  it("records a review made offline at the time it was made, held between the card's last review and now", async () => {
    const { db, user, cardId } = await setup();
    await recordReview(db, { userId: user.id, reviewId: randomUUID(), cardId, rating: 3 }, T0);
    // Rated on the train at +90 min, sent at +300 min: scheduled from +90.
    const offline = await recordReview(db, { userId: user.id, reviewId: randomUUID(), cardId, rating: 3, reviewedAt: minutes(90) }, minutes(300));
    expect(offline.state?.lastReview).toEqual(minutes(90));
    // A clock behind the card's last review is held at that review; one ahead of the server, at now.
    const behind = await recordReview(db, { userId: user.id, reviewId: randomUUID(), cardId, rating: 3, reviewedAt: minutes(-600) }, minutes(400));
    expect(behind.state?.lastReview).toEqual(minutes(90));
    const ahead = await recordReview(db, { userId: user.id, reviewId: randomUUID(), cardId, rating: 3, reviewedAt: minutes(9_000) }, minutes(500));
    expect(ahead.state?.lastReview).toEqual(minutes(500));
    const logs = await db.reviewLog.findMany({ where: { userId: user.id }, orderBy: { reviewedAt: "asc" } });
    expect(logs.map((l) => l.reviewedAt)).toEqual([T0, minutes(90), minutes(90), minutes(500)]);
    expect(logs[1]?.createdAt).toEqual(minutes(300));
  });
});

describe("undoReview", () => {
  beforeEach(resetDb);

  it("restores the previous state exactly, removes the log entry, and ignores a late retry", async () => {
    const db = testDb();
    const user = await createUser(db);
    const { moduleId, cardIds } = await createModuleWithCards(db, { cards: 1 });
    await enroll(db, user.id, moduleId);
    const cardId = cardIds[0] as string;
    await recordReview(db, { userId: user.id, reviewId: randomUUID(), cardId, rating: 3 }, T0);
    const before = await db.cardState.findUniqueOrThrow({ where: { userId_cardId: { userId: user.id, cardId } } });
    const card = await db.card.findUniqueOrThrow({ where: { id: cardId } });

    const reviewId = randomUUID();
    await recordReview(db, { userId: user.id, reviewId, cardId, rating: 1 }, minutes(12));
    const undone = await undoReview(db, { userId: user.id, reviewId }, minutes(13));
    expect(undone.alreadyUndone).toBe(false);

    const after = await db.cardState.findUniqueOrThrow({ where: { userId_cardId: { userId: user.id, cardId } } });
    const pick = ({
      due,
      stability,
      difficulty,
      elapsedDays,
      scheduledDays,
      learningSteps,
      reps,
      lapses,
      state,
      lastReview,
      isLeech,
      suspendedAt,
    }: typeof before) => ({ due, stability, difficulty, elapsedDays, scheduledDays, learningSteps, reps, lapses, state, lastReview, isLeech, suspendedAt });
    expect(pick(after)).toEqual(pick(before));
    expect(await db.reviewLog.count()).toBe(1);
    expect(await db.card.findUniqueOrThrow({ where: { id: cardId } })).toEqual(card);

    const retry = await recordReview(db, { userId: user.id, reviewId, cardId, rating: 1 }, minutes(14));
    expect(retry).toMatchObject({ duplicate: true, undone: true });
    expect(await db.reviewLog.count()).toBe(1);
    expect((await undoReview(db, { userId: user.id, reviewId }, minutes(15))).alreadyUndone).toBe(true);
  });

  it("deletes the state row when the undone review was the card's first", async () => {
    const db = testDb();
    const user = await createUser(db);
    const { moduleId, cardIds } = await createModuleWithCards(db, { cards: 1 });
    await enroll(db, user.id, moduleId);
    const reviewId = randomUUID();
    await recordReview(db, { userId: user.id, reviewId, cardId: cardIds[0] as string, rating: 3 }, T0);
    await undoReview(db, { userId: user.id, reviewId }, minutes(1));
    expect(await db.cardState.count()).toBe(0);
    expect(await db.reviewLog.count()).toBe(0);
  });

  it("only undoes the latest review of a card, and only the user's own", async () => {
    const db = testDb();
    const user = await createUser(db);
    const intruder = await createUser(db, "intruder");
    const { moduleId, cardIds } = await createModuleWithCards(db, { cards: 1 });
    await enroll(db, user.id, moduleId);
    const cardId = cardIds[0] as string;
    const first = randomUUID();
    await recordReview(db, { userId: user.id, reviewId: first, cardId, rating: 3 }, T0);
    const second = randomUUID();
    await recordReview(db, { userId: user.id, reviewId: second, cardId, rating: 3 }, minutes(10));
    await expect(undoReview(db, { userId: user.id, reviewId: first }, minutes(11))).rejects.toMatchObject({ code: "CONFLICT" });
    await expect(undoReview(db, { userId: intruder.id, reviewId: second }, minutes(11))).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect(await db.reviewLog.count()).toBe(2);
  });
});

describe("recordReview with a reused id", () => {
  beforeEach(resetDb);

  it("answers a conflict when one id races onto two different cards, recording one", async () => {
    const db = testDb();
    const user = await createUser(db);
    const { moduleId, cardIds } = await createModuleWithCards(db, { cards: 2 });
    await enroll(db, user.id, moduleId);
    const reviewId = randomUUID();
    const results = await Promise.allSettled(cardIds.map((cardId) => recordReview(db, { userId: user.id, reviewId, cardId, rating: 3 }, T0)));
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    const rejected = results.find((r) => r.status === "rejected");
    expect(rejected?.status === "rejected" ? rejected.reason : null).toMatchObject({ code: "CONFLICT" });
    expect(await db.reviewLog.count()).toBe(1);
    expect(await db.cardState.count()).toBe(1);
  });
});
