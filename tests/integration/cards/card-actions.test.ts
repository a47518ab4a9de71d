import { randomUUID } from "node:crypto";
import { beforeEach, describe, expect, it } from "vitest";
import { catalogue } from "@/exercises/catalogue";
import { actOnCard, actOnCards } from "@/lib/cards/act-on-cards";
import { getCardInfo } from "@/lib/cards/card-info";
import { getTodayQueue } from "@/lib/queue/today-queue";
import { recordReview } from "@/lib/reviews/record-review";
import { undoReview } from "@/lib/reviews/undo-review";
import { rejectsWithAppError } from "../support/app-error";
import { resetDb, testDb } from "../support/db";
import { addCards, hours, learnerWithModules, T0 } from "./support";

describe("card actions", () => {
  beforeEach(resetDb);

  it("bury keeps a reviewed card and a never-seen card out of the queue until the next study day, then both come back", async () => {
    const db = testDb();
    const { me, mine } = await learnerWithModules(db);
    const [seen = "", unseen = ""] = await addCards(db, mine.id, [
      { front: "seen", back: "a" },
      { front: "unseen", back: "b" },
    ]);
    await recordReview(db, { userId: me.id, reviewId: randomUUID(), cardId: seen, rating: 1 }, T0);
    const queued = async (at: Date) => (await getTodayQueue(db, catalogue, me.id, at, () => 1)).cards.map((c) => c.cardId);
    expect(await queued(hours(1))).toEqual(expect.arrayContaining([seen, unseen]));

    await actOnCard(db, me.id, seen, { action: "bury" }, hours(1));
    await actOnCard(db, me.id, unseen, { action: "bury" }, hours(1));
    const today = await queued(hours(2));
    expect(today).not.toContain(seen);
    expect(today).not.toContain(unseen);
    // The default study day starts at 04:00 UTC: 09:00 + 20 h is the next one.
    const tomorrow = await getTodayQueue(db, catalogue, me.id, hours(20), () => 1);
    expect(tomorrow.cards.map((c) => c.cardId)).toEqual(expect.arrayContaining([seen, unseen]));
    expect(tomorrow.cards.find((c) => c.cardId === unseen)?.isNew).toBe(true);
    const info = await getCardInfo(db, me.id, unseen, hours(20));
    expect(info.schedule).toMatchObject({ state: "new", buriedUntil: null });
    // Reviewing the once-buried new card counts as introducing it.
    await recordReview(db, { userId: me.id, reviewId: randomUUID(), cardId: unseen, rating: 3 }, hours(21));
    expect((await getCardInfo(db, me.id, unseen, hours(21))).schedule).toMatchObject({ state: "learning", reps: 1 });
  });

  it("reset makes a card new again, in the queue, with its history kept", async () => {
    const db = testDb();
    const { me, mine } = await learnerWithModules(db);
    const cards = await addCards(db, mine.id, [
      { front: "one", back: "a" },
      { front: "two", back: "b" },
    ]);
    const first = cards[0] ?? "";
    for (const [i, rating] of ([3, 3, 4] as const).entries()) {
      await recordReview(db, { userId: me.id, reviewId: randomUUID(), cardId: first, rating }, hours(i * 30));
    }
    // The new-card scan has moved past the card; reset must bring it back.
    await getTodayQueue(db, catalogue, me.id, hours(100), () => 1);
    expect((await getCardInfo(db, me.id, first, hours(100))).schedule.state).toBe("review");

    const result = await actOnCard(db, me.id, first, { action: "reset" }, hours(100));
    expect(result).toEqual({ action: "reset", cards: 1, changed: 1 });
    const info = await getCardInfo(db, me.id, first, hours(100));
    expect(info.schedule).toMatchObject({ state: "new", due: null, stability: null, retrievability: null, reps: 0 });
    expect(info.history.map((h) => h.rating)).toEqual([3, 3, 4]);
    const queue = await getTodayQueue(db, catalogue, me.id, hours(100), () => 1);
    expect(queue.cards.find((c) => c.cardId === first)?.isNew).toBe(true);
    // Resetting again changes nothing.
    expect((await actOnCard(db, me.id, first, { action: "reset" }, hours(100))).changed).toBe(0);
  });

  it("two resets or two suspends racing leave one consistent state; a review racing a reset is recorded on the new card", async () => {
    const db = testDb();
    const { me, mine } = await learnerWithModules(db);
    const [card = ""] = await addCards(db, mine.id, [{ front: "raced", back: "a" }]);
    const id = card ?? "";
    await recordReview(db, { userId: me.id, reviewId: randomUUID(), cardId: id, rating: 3 }, T0);

    const suspends = await Promise.all([1, 2, 3].map(() => actOnCard(db, me.id, id, { action: "suspend" }, hours(1))));
    expect(suspends.map((r) => r.changed).sort()).toEqual([0, 0, 1]);
    const suspended = await db.cardState.findUniqueOrThrow({ where: { userId_cardId: { userId: me.id, cardId: id } } });
    expect(suspended.suspendedAt).toEqual(hours(1));
    await actOnCard(db, me.id, id, { action: "unsuspend" }, hours(1));

    const [r1, r2, review] = await Promise.all([
      actOnCard(db, me.id, id, { action: "reset" }, hours(2)),
      actOnCard(db, me.id, id, { action: "reset" }, hours(2)),
      recordReview(db, { userId: me.id, reviewId: randomUUID(), cardId: id, rating: 3 }, hours(2)),
    ]);
    const row = await db.cardState.findUnique({ where: { userId_cardId: { userId: me.id, cardId: id } } });
    const logs = await db.reviewLog.count({ where: { cardId: id } });
    expect(logs).toBe(2);
    // The outcome is one of the serial orders. Without the review in between,
    // the second reset finds nothing to change; with it (reset, review, reset)
    // both change something and the last reset leaves no row.
    const changed = r1.changed + r2.changed;
    expect(changed).toBeGreaterThanOrEqual(1);
    expect(changed).toBeLessThanOrEqual(2);
    if (changed === 2) expect(row).toBeNull();
    // Either the reset came last (no row) or the review did, on a version newer than the reset.
    if (row) expect(row.version).toBe(review.stateVersion);
  });

  it("undoing the first review of a card suspended while new gives it back to the new-card scan", async () => {
    const db = testDb();
    const { me, mine } = await learnerWithModules(db);
    const [card = ""] = await addCards(db, mine.id, [{ front: "x", back: "y" }]);
    const id = card ?? "";
    await actOnCard(db, me.id, id, { action: "suspend" }, T0);
    const own = async () => (await getTodayQueue(db, catalogue, me.id, hours(1), () => 1)).cards.filter((c) => c.cardId === id);
    expect(await own()).toHaveLength(0);
    await actOnCard(db, me.id, id, { action: "unsuspend" }, hours(1));
    const reviewId = randomUUID();
    await recordReview(db, { userId: me.id, reviewId, cardId: id, rating: 3 }, hours(1));
    await getTodayQueue(db, catalogue, me.id, hours(1), () => 1);
    await undoReview(db, { userId: me.id, reviewId }, hours(1));
    expect((await own()).map((c) => c.isNew)).toEqual([true]);
  });

  it("sets a due date keeping memory state, and refuses a day in the past", async () => {
    const db = testDb();
    const { me, mine } = await learnerWithModules(db);
    const [card = ""] = await addCards(db, mine.id, [{ front: "x", back: "y" }]);
    const id = card ?? "";
    await recordReview(db, { userId: me.id, reviewId: randomUUID(), cardId: id, rating: 4 }, T0);
    const before = await db.cardState.findUniqueOrThrow({ where: { userId_cardId: { userId: me.id, cardId: id } } });
    await actOnCard(db, me.id, id, { action: "set-due", due: "2026-03-20" }, hours(1));
    const after = await db.cardState.findUniqueOrThrow({ where: { userId_cardId: { userId: me.id, cardId: id } } });
    expect(after.due).toEqual(new Date("2026-03-20T04:00:00Z"));
    expect([after.stability, after.difficulty, after.lastReview]).toEqual([before.stability, before.difficulty, before.lastReview]);
    expect(after.version).toBe(before.version + 1);
    expect((await rejectsWithAppError(actOnCard(db, me.id, id, { action: "set-due", due: "2026-03-01" }, hours(1)))).code).toBe("VALIDATION");
  });

  it("tags, moves and deletes only the learner's own cards; schedule actions work on the public course", async () => {
    const db = testDb();
    const { me, other, course, mine, spare } = await learnerWithModules(db);
    const [own1 = "", own2 = ""] = await addCards(db, mine.id, [
      { front: "a", back: "a" },
      { front: "b", back: "b" },
    ]);
    const publicCard = course.cardIds[0] ?? "";

    expect((await rejectsWithAppError(actOnCard(db, me.id, publicCard, { action: "add-tag", tag: "mine" }, T0))).message).toMatch(/read-only/);
    expect((await rejectsWithAppError(actOnCard(db, me.id, publicCard, { action: "delete" }, T0))).code).toBe("FORBIDDEN");
    expect((await rejectsWithAppError(actOnCard(db, me.id, publicCard, { action: "move", module: "spare" }, T0))).code).toBe("FORBIDDEN");
    expect((await rejectsWithAppError(actOnCards(db, me.id, { ids: [own1 ?? "", publicCard] }, { action: "delete" }, T0))).code).toBe("FORBIDDEN");
    expect(await db.card.count({ where: { id: { in: [own1 ?? "", publicCard] } } })).toBe(2);
    expect((await actOnCard(db, me.id, publicCard, { action: "suspend" }, T0)).changed).toBe(1);
    expect(await db.cardState.count({ where: { userId: other.id } })).toBe(0);

    const tagged = await actOnCards(db, me.id, { ids: [own1 ?? "", own2 ?? ""] }, { action: "add-tag", tag: "attn" }, T0);
    expect(tagged.changed).toBe(2);
    expect((await actOnCards(db, me.id, { matching: { tag: "attn" } }, { action: "remove-tag", tag: "attn" }, T0)).changed).toBe(2);

    await recordReview(db, { userId: me.id, reviewId: randomUUID(), cardId: own1 ?? "", rating: 3 }, T0);
    await actOnCard(db, me.id, own1 ?? "", { action: "move", module: "spare" }, T0);
    const moved = await db.card.findUniqueOrThrow({ where: { id: own1 ?? "" } });
    expect(moved.moduleId).toBe(spare.id);
    expect(await db.cardState.count({ where: { cardId: own1 ?? "" } })).toBe(1);
    expect((await rejectsWithAppError(actOnCard(db, me.id, own2 ?? "", { action: "move", module: "course" }, T0))).code).toBe("NOT_FOUND");

    await actOnCard(db, me.id, own1 ?? "", { action: "delete" }, T0);
    expect(await db.card.count({ where: { id: own1 ?? "" } })).toBe(0);
    expect(await db.reviewLog.count({ where: { cardId: own1 ?? "" } })).toBe(1);
  });

  it("never shows or touches another learner's card: not found", async () => {
    const db = testDb();
    const { me, theirs } = await learnerWithModules(db);
    const [secret = ""] = await addCards(db, theirs.id, [{ front: "secret", back: "s" }]);
    expect((await rejectsWithAppError(getCardInfo(db, me.id, secret ?? "", T0))).code).toBe("NOT_FOUND");
    expect((await rejectsWithAppError(actOnCard(db, me.id, secret ?? "", { action: "suspend" }, T0))).code).toBe("NOT_FOUND");
    expect((await rejectsWithAppError(actOnCards(db, me.id, { ids: [secret ?? ""] }, { action: "reset" }, T0))).code).toBe("NOT_FOUND");
    expect(await db.cardState.count()).toBe(0);
  });

  it("card info shows the history, the memory state and retrievability", async () => {
    const db = testDb();
    const { me, mine } = await learnerWithModules(db);
    const [card = ""] = await addCards(db, mine.id, [{ front: "**bold** $x^2$", back: "b" }]);
    const id = card ?? "";
    await recordReview(db, { userId: me.id, reviewId: randomUUID(), cardId: id, rating: 3 }, T0);
    await recordReview(db, { userId: me.id, reviewId: randomUUID(), cardId: id, rating: 3 }, hours(1));
    const info = await getCardInfo(db, me.id, id, hours(48));
    expect(info.frontHtml).toContain("<strong>bold</strong>");
    expect(info.module).toEqual({ slug: "mine", title: "Mine", owned: true });
    expect(info.history).toHaveLength(2);
    expect(info.history[0]).toMatchObject({ rating: 3, state: "new", elapsedDays: 0 });
    // Each entry shows what its review left: the next review's starting state, the current state for the last.
    expect(info.history[0]?.stability).toBeGreaterThan(0);
    expect(info.history[1]?.stability).toBe(info.schedule.stability);
    expect(info.schedule.stability).toBeGreaterThan(0);
    expect(info.schedule.retrievability).toBeGreaterThan(0);
    expect(info.schedule.retrievability).toBeLessThan(1);
  });
});
