import { randomUUID } from "node:crypto";
import { beforeEach, describe, expect, it } from "vitest";
import { getTodayQueue } from "@/lib/queue/today-queue";
import { recordReview } from "@/lib/reviews/record-review";
import { undoReview } from "@/lib/reviews/undo-review";
import { resetDb, testDb } from "../support/db";
import { createModuleWithCards, createUser, enroll } from "../support/fixtures";
import { catalogue } from "@/exercises/catalogue";
import { createCatalogue } from "@/lib/catalogue/catalogue";

// 09:00 UTC on a Monday; the default study day (UTC, 04:00) runs 04:00–04:00.
const T0 = new Date("2026-03-02T09:00:00Z");
const hours = (n: number) => new Date(T0.getTime() + n * 3_600_000);

async function setup(cards: number, options: { siblingPairs?: number; newCardsPerDay?: number } = {}) {
  const db = testDb();
  const user = await createUser(db);
  const module = await createModuleWithCards(db, { cards, siblingPairs: options.siblingPairs });
  await enroll(db, user.id, module.moduleId);
  if (options.newCardsPerDay !== undefined) {
    await db.userSettings.update({ where: { userId: user.id }, data: { newCardsPerDay: options.newCardsPerDay } });
  }
  const review = (cardId: string, rating: 1 | 2 | 3 | 4, at: Date) => recordReview(db, { userId: user.id, reviewId: randomUUID(), cardId, rating }, at);
  return { db, user, cardIds: module.cardIds, review };
}

describe("getTodayQueue", () => {
  beforeEach(resetDb);

  it("introduces new cards in module order up to the daily limit, counting today's", async () => {
    const { db, user, cardIds, review } = await setup(12, { newCardsPerDay: 5 });
    const first = await getTodayQueue(db, catalogue, user.id, T0);
    expect(first.cards.map((c) => c.cardId)).toEqual(cardIds.slice(0, 5));
    expect(first.counts).toEqual({ learning: 0, review: 0, new: 5 });

    for (const id of cardIds.slice(0, 3)) await review(id, 4, hours(1));
    const later = await getTodayQueue(db, catalogue, user.id, hours(2));
    expect(later.cards.map((c) => c.cardId)).toEqual(cardIds.slice(3, 5));
    expect(later.today.reviewed).toBe(3);

    const tomorrow = await getTodayQueue(db, catalogue, user.id, hours(24));
    expect(tomorrow.cards.filter((c) => c.isNew).map((c) => c.cardId)).toEqual(cardIds.slice(3, 8));
  });

  it("shows a card again as new after its first review is undone", async () => {
    const { db, user, cardIds, review } = await setup(6, { newCardsPerDay: 3 });
    const first = await review(cardIds[0] as string, 4, T0);
    await review(cardIds[1] as string, 4, T0);
    await getTodayQueue(db, catalogue, user.id, hours(1));
    await undoReview(db, { userId: user.id, reviewId: first.reviewId }, hours(1));
    const queue = await getTodayQueue(db, catalogue, user.id, hours(1));
    expect(queue.cards.map((c) => c.cardId)).toEqual([cardIds[0], cardIds[2]]);
  });

  it("brings learning cards back the same day, before new ones", async () => {
    const { db, user, cardIds, review } = await setup(4, { newCardsPerDay: 4 });
    await review(cardIds[0] as string, 1, T0);
    const queue = await getTodayQueue(db, catalogue, user.id, hours(1));
    expect(queue.cards[0]?.cardId).toBe(cardIds[0]);
    expect(queue.counts.learning).toBe(1);
    expect(queue.cards[0]?.previews.map((p) => p.rating)).toEqual([1, 2, 3, 4]);
  });

  it("marks each card's kind and counts only reviews of learned cards toward today's retention", async () => {
    const { db, user, cardIds, review } = await setup(5, { newCardsPerDay: 5 });
    const [learned, relearned, fresh, due] = cardIds as [string, string, string, string];
    // Three cards graduate (Easy) on day 0; a month later each is a learned card due for review.
    for (const id of [learned, relearned, due]) await review(id, 4, T0);
    const day30 = (h: number) => hours(24 * 30 + h);
    await review(learned, 3, day30(0));
    await review(relearned, 1, day30(0));
    await review(fresh, 1, day30(0));
    const queue = await getTodayQueue(db, catalogue, user.id, day30(1));
    // The fresh card's first review (it was new) does not count; the learned card's pass and the relapse do.
    expect(queue.today.reviewed).toBe(3);
    expect(queue.today.retention).toEqual({ reviews: 2, passed: 1 });
    const kinds = Object.fromEntries(queue.cards.map((c) => [c.cardId, c.queueKind]));
    expect(kinds).toEqual({ [relearned]: "learning", [fresh]: "learning", [due]: "review", [cardIds[4] as string]: "new" });
  });

  it("does not show a card's sibling on the day the card was reviewed", async () => {
    const { db, user, cardIds, review } = await setup(4, { siblingPairs: 1, newCardsPerDay: 10 });
    const before = await getTodayQueue(db, catalogue, user.id, T0);
    expect(before.cards.map((c) => c.cardId)).not.toContain(cardIds[1]);
    await review(cardIds[0] as string, 4, T0);
    const after = await getTodayQueue(db, catalogue, user.id, hours(1));
    expect(after.cards.map((c) => c.cardId)).not.toContain(cardIds[1]);
    const tomorrow = await getTodayQueue(db, catalogue, user.id, hours(24));
    expect(tomorrow.cards.map((c) => c.cardId)).toContain(cardIds[1]);
  });

  it("keeps suspended leeches out, and says when the next card is due", async () => {
    const { db, user, cardIds, review } = await setup(1, { newCardsPerDay: 1 });
    await review(cardIds[0] as string, 4, T0);
    const queue = await getTodayQueue(db, catalogue, user.id, hours(1));
    expect(queue.cards).toHaveLength(0);
    const state = await db.cardState.findFirstOrThrow({ where: { userId: user.id } });
    expect(queue.nextDueAt).toBe(state.due.toISOString());
    await db.cardState.update({ where: { id: state.id }, data: { due: T0, suspendedAt: T0, isLeech: true } });
    expect((await getTodayQueue(db, catalogue, user.id, hours(1))).cards).toHaveLength(0);
  });

  it("draws the study-day line in the user's time zone and day-start hour", async () => {
    const { db, user, cardIds, review } = await setup(6, { newCardsPerDay: 2 });
    // Auckland is UTC+13 in March: 14:30Z is 03:30 local, still the previous study day (start 04:00).
    await db.userSettings.update({ where: { userId: user.id }, data: { timeZone: "Pacific/Auckland", dayStartHour: 4 } });
    const lateNight = new Date("2026-03-02T14:30:00Z");
    await review(cardIds[0] as string, 4, lateNight);
    await review(cardIds[1] as string, 4, lateNight);
    expect((await getTodayQueue(db, catalogue, user.id, new Date("2026-03-02T14:50:00Z"))).counts.new).toBe(0);
    const nextDay = await getTodayQueue(db, catalogue, user.id, new Date("2026-03-02T15:10:00Z"));
    expect(nextDay.counts.new).toBe(2);
    expect(nextDay.studyDay.key).toBe("2026-03-03");
    expect(nextDay.today.streak).toBe(1);
  });
});

describe("exercise cards in the queue", () => {
  beforeEach(resetDb);

  it("queues exercise cards the grader has, each with a fresh variant, and leaves out the rest", async () => {
    const { db, user, cardIds } = await setup(1, { newCardsPerDay: 10 });
    const moduleId = (await db.card.findUniqueOrThrow({ where: { id: cardIds[0] as string } })).moduleId;
    const make = (externalId: string, slug: string, position: number) =>
      db.card.create({
        data: {
          moduleId,
          externalId,
          kind: "EXERCISE",
          front: `Exercise ${slug}`,
          back: "",
          siblingKey: externalId,
          exerciseSlug: slug,
          position,
          contentHash: externalId,
        },
      });
    const gradable = await make("ex-ln", "layernorm-by-hand", 10);
    const notBuilt = await make("ex-draw", "not-built-yet", 11);

    let seed = 100;
    const queue = await getTodayQueue(db, catalogue, user.id, T0, () => seed++);
    const ids = queue.cards.map((c) => c.cardId);
    expect(ids).toContain(gradable.id);
    expect(ids).not.toContain(notBuilt.id);
    const card = queue.cards.find((c) => c.cardId === gradable.id);
    expect(card?.exercise).toMatchObject({ slug: "layernorm-by-hand", seed: expect.any(Number) });
    expect(card?.exercise?.steps.map((s) => s.key)).toEqual(["mean", "variance", "std", "output"]);
    expect(queue.cards.find((c) => c.cardId === cardIds[0])?.exercise).toBeNull();

    const again = await getTodayQueue(db, catalogue, user.id, T0, () => 999);
    expect(again.cards.find((c) => c.cardId === gradable.id)?.exercise?.seed).toBe(999);
  });

  it("knows only the catalogue it is handed", async () => {
    const { db, user, cardIds } = await setup(1, { newCardsPerDay: 10 });
    const moduleId = (await db.card.findUniqueOrThrow({ where: { id: cardIds[0] as string } })).moduleId;
    const card = await db.card.create({
      data: {
        moduleId,
        externalId: "ex-ln",
        kind: "EXERCISE",
        front: "Exercise",
        back: "",
        siblingKey: "ex-ln",
        exerciseSlug: "layernorm-by-hand",
        position: 10,
        contentHash: "ex-ln",
      },
    });
    const layernormOnly = createCatalogue({ exercises: catalogue.exercises.filter((e) => e.slug === "layernorm-by-hand"), drawings: [], labs: [] });
    const empty = createCatalogue({ exercises: [], drawings: [], labs: [] });

    const withIt = await getTodayQueue(db, layernormOnly, user.id, T0, () => 5);
    expect(withIt.cards.find((c) => c.cardId === card.id)?.exercise).toMatchObject({ slug: "layernorm-by-hand", seed: 5 });
    const without = await getTodayQueue(db, empty, user.id, T0, () => 5);
    expect(without.cards.map((c) => c.cardId)).toEqual([cardIds[0]]);
  });
});
