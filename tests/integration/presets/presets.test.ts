// Presets against a real Postgres: created idempotently, given to a module,
// changing today's queue (limits, order, steps, leeches), and never the
// review log.
import { randomUUID } from "node:crypto";
import { beforeEach, describe, expect, it } from "vitest";
import { getLibrary } from "@/lib/modules/library";
import { changeModule, setStudyChoice } from "@/lib/modules/manage-modules";
import { changePreset, createPreset, listPresets, removePreset } from "@/lib/presets/presets";
import { getTodayQueue } from "@/lib/queue/today-queue";
import { recordReview } from "@/lib/reviews/record-review";
import { updateUserSettings } from "@/lib/data/user-settings";
import { rejectsWithAppError } from "../support/app-error";
import { resetDb, testDb } from "../support/db";
import { bearerFor, createModuleWithCards, createUser, enroll } from "../support/fixtures";
import * as presetRoute from "@/app/api/presets/[id]/route";
import { catalogue } from "@/exercises/catalogue";

const T0 = new Date("2026-03-02T09:00:00Z");
const minutes = (n: number) => new Date(T0.getTime() + n * 60_000);

describe("scheduling presets", () => {
  beforeEach(resetDb);

  it("are created from the learner's settings, once per client id, with unique names, and only the owner sees or changes them", async () => {
    const db = testDb();
    const [me, other] = [await createUser(db), await createUser(db, "other")];
    await updateUserSettings(db, me.id, { maximumReviewsPerDay: 150 }, T0);
    const id = randomUUID();
    const first = await createPreset(db, me.id, { id, name: "Light", newCardsPerDay: 5 }, T0);
    expect(first.created).toBe(true);
    expect(first.preset).toMatchObject({ id, name: "Light", newCardsPerDay: 5, maximumReviewsPerDay: 150, learningStepsMinutes: [1, 10], modules: 0 });
    const again = await createPreset(db, me.id, { id, name: "Light", newCardsPerDay: 5 }, T0);
    expect(again).toEqual({ preset: first.preset, created: false });
    expect((await rejectsWithAppError(createPreset(db, me.id, { id: randomUUID(), name: "Light" }, T0))).code).toBe("CONFLICT");
    expect((await rejectsWithAppError(createPreset(db, other.id, { id, name: "Mine" }, T0))).code).toBe("CONFLICT");
    expect((await listPresets(db, other.id)).presets).toEqual([]);
    expect((await rejectsWithAppError(changePreset(db, other.id, id, { newCardsPerDay: 50 }, T0))).code).toBe("NOT_FOUND");
    const changed = await changePreset(db, me.id, id, { name: "Lighter", reviewOrder: "RANDOM" }, minutes(1));
    expect(changed.preset).toMatchObject({ name: "Lighter", reviewOrder: "RANDOM", newCardsPerDay: 5 });
    await createPreset(db, me.id, { id: randomUUID(), name: "Heavy" }, T0);
    expect((await rejectsWithAppError(changePreset(db, me.id, id, { name: "Heavy", newCardsPerDay: 9 }, minutes(2)))).code).toBe("CONFLICT");
    expect((await listPresets(db, me.id)).presets.find((p) => p.id === id)).toMatchObject({ name: "Lighter", newCardsPerDay: 5 });
    expect(await removePreset(db, other.id, id)).toEqual({ rescheduleReason: null });
    expect((await listPresets(db, me.id)).presets).toHaveLength(2);
  });

  it("a module's preset changes today's counts at once, and deleting it brings the module back to the learner's settings", async () => {
    const db = testDb();
    const me = await createUser(db);
    const course = await createModuleWithCards(db, { cards: 30, slug: "course" });
    await enroll(db, me.id, course.moduleId);
    expect((await getTodayQueue(db, catalogue, me.id, T0)).counts.new).toBe(20);

    const id = randomUUID();
    await createPreset(db, me.id, { id, name: "Light", newCardsPerDay: 4 }, T0);
    await setStudyChoice(db, me.id, "course", { presetId: id }, T0);
    expect((await getTodayQueue(db, catalogue, me.id, T0)).counts.new).toBe(4);
    const library = await getLibrary(db, catalogue, me.id, T0);
    expect(library.modules[0]?.presetId).toBe(id);
    expect(library.presets).toEqual([{ id, name: "Light", desiredRetention: 0.9, newCardsPerDay: 4 }]);

    // The module's own limit sits on top of its preset.
    await setStudyChoice(db, me.id, "course", { newCardsPerDay: 2 }, T0);
    expect((await getTodayQueue(db, catalogue, me.id, T0)).counts.new).toBe(2);
    await setStudyChoice(db, me.id, "course", { newCardsPerDay: null }, T0);

    await changePreset(db, me.id, id, { newCardsPerDay: 7 }, T0);
    expect((await getTodayQueue(db, catalogue, me.id, T0)).counts.new).toBe(7);
    await removePreset(db, me.id, id);
    expect((await getTodayQueue(db, catalogue, me.id, T0)).counts.new).toBe(20);
    expect((await getLibrary(db, catalogue, me.id, T0)).modules[0]?.presetId).toBeNull();
  });

  it("a study choice says when the module's retention changed, so its review cards call for a reschedule", async () => {
    const db = testDb();
    const me = await createUser(db);
    const course = await createModuleWithCards(db, { cards: 1, slug: "course" });
    await enroll(db, me.id, course.moduleId);
    const [same, keen] = [randomUUID(), randomUUID()];
    await createPreset(db, me.id, { id: same, name: "Same retention", newCardsPerDay: 4 }, T0);
    await createPreset(db, me.id, { id: keen, name: "Keen", desiredRetention: 0.95 }, T0);
    const choose = (patch: Parameters<typeof setStudyChoice>[3]) => setStudyChoice(db, me.id, "course", patch, T0);
    expect(await choose({ presetId: same })).toEqual({ rescheduleReason: null });
    expect(await choose({ presetId: keen })).toEqual({ rescheduleReason: "RETENTION" });
    expect(await choose({ desiredRetention: 0.95 })).toEqual({ rescheduleReason: null });
    expect(await choose({ presetId: null })).toEqual({ rescheduleReason: null });
    expect(await choose({ desiredRetention: null })).toEqual({ rescheduleReason: "RETENTION" });
    expect(await choose({ studying: false })).toEqual({ rescheduleReason: null });
  });

  it("a change says when it moved the retention of a module the learner studies on the preset, compared in its own transaction", async () => {
    const db = testDb();
    const me = await createUser(db);
    for (const slug of ["course", "paused", "own"]) await enroll(db, me.id, (await createModuleWithCards(db, { cards: 1, slug })).moduleId);
    await enroll(db, me.id, (await createModuleWithCards(db, { cards: 1, slug: "mine", scope: me.id, ownerId: me.id })).moduleId);
    const [used, unused, unstudied, overridden, shelved] = [randomUUID(), randomUUID(), randomUUID(), randomUUID(), randomUUID()];
    for (const [id, name] of [
      [used, "Used"],
      [unused, "Unused"],
      [unstudied, "Unstudied"],
      [overridden, "Overridden"],
      [shelved, "Shelved"],
    ] as const) {
      await createPreset(db, me.id, { id, name }, T0);
    }
    await setStudyChoice(db, me.id, "course", { presetId: used }, T0);
    await setStudyChoice(db, me.id, "paused", { presetId: unstudied, studying: false }, T0);
    await setStudyChoice(db, me.id, "own", { presetId: overridden, desiredRetention: 0.85 }, T0);
    await setStudyChoice(db, me.id, "mine", { presetId: shelved }, T0);
    const reasonOf = async (id: string, patch: Parameters<typeof changePreset>[3]) => (await changePreset(db, me.id, id, patch, minutes(1))).rescheduleReason;

    expect(await reasonOf(used, { desiredRetention: 0.8 })).toBe("RETENTION");
    expect((await getLibrary(db, catalogue, me.id, T0)).presets.find((p) => p.id === used)?.desiredRetention).toBe(0.8);
    // The same retention again, a name, or other options: the module's retention did not move.
    expect(await reasonOf(used, { desiredRetention: 0.8 })).toBeNull();
    expect(await reasonOf(used, { name: "Used daily" })).toBeNull();
    expect(await reasonOf(used, { newCardsPerDay: 3, learningStepsMinutes: [2] })).toBeNull();
    // No module on it; only a module taken out of the review; only a module with its own retention.
    expect(await reasonOf(unused, { desiredRetention: 0.95 })).toBeNull();
    expect(await reasonOf(unstudied, { desiredRetention: 0.95 })).toBeNull();
    expect(await reasonOf(overridden, { desiredRetention: 0.95 })).toBeNull();
    // Without its own retention the module follows the preset again, and the next change moves it.
    await setStudyChoice(db, me.id, "own", { desiredRetention: null }, T0);
    expect(await reasonOf(overridden, { desiredRetention: 0.9 })).toBe("RETENTION");
    // Archived, a module no longer counts.
    expect(await reasonOf(shelved, { desiredRetention: 0.85 })).toBe("RETENTION");
    await changeModule(db, me.id, "mine", { archived: true }, T0);
    expect(await reasonOf(shelved, { desiredRetention: 0.95 })).toBeNull();
  });

  it("a deletion says when its modules, back on the learner's settings, are scheduled with another retention", async () => {
    const db = testDb();
    const me = await createUser(db);
    for (const slug of ["course", "extra"]) await enroll(db, me.id, (await createModuleWithCards(db, { cards: 1, slug })).moduleId);
    const [keen, plain, overridden] = [randomUUID(), randomUUID(), randomUUID()];
    await createPreset(db, me.id, { id: keen, name: "Keen", desiredRetention: 0.95 }, T0);
    await createPreset(db, me.id, { id: plain, name: "Plain", newCardsPerDay: 4 }, T0);
    await createPreset(db, me.id, { id: overridden, name: "Overridden", desiredRetention: 0.8 }, T0);
    await setStudyChoice(db, me.id, "course", { presetId: plain }, T0);
    await setStudyChoice(db, me.id, "extra", { presetId: overridden, desiredRetention: 0.85 }, T0);

    // The settings' retention (0.90) is Plain's: nothing moves.
    expect(await removePreset(db, me.id, plain)).toEqual({ rescheduleReason: null });
    // Only the module's own retention held: still 0.85 without the preset.
    expect(await removePreset(db, me.id, overridden)).toEqual({ rescheduleReason: null });
    await setStudyChoice(db, me.id, "course", { presetId: keen }, T0);
    expect(await removePreset(db, me.id, keen)).toEqual({ rescheduleReason: "RETENTION" });
    expect((await getLibrary(db, catalogue, me.id, T0)).modules.find((m) => m.slug === "course")?.presetId).toBeNull();
    // Deleting again (a retry): gone, nothing to offer.
    expect(await removePreset(db, me.id, keen)).toEqual({ rescheduleReason: null });
  });

  it("PATCH and DELETE /api/presets/{id} answer the reason; a refused change alters nothing", async () => {
    const db = testDb();
    const me = await createUser(db);
    const auth = await bearerFor(db, me.id);
    await enroll(db, me.id, (await createModuleWithCards(db, { cards: 1, slug: "course" })).moduleId);
    const id = randomUUID();
    await createPreset(db, me.id, { id, name: "Keen" }, T0);
    await setStudyChoice(db, me.id, "course", { presetId: id }, T0);
    const call = (handler: typeof presetRoute.PATCH, method: string, body?: unknown) =>
      handler(
        new Request(`http://localhost/api/presets/${id}`, {
          method,
          headers: { authorization: auth, "content-type": "application/json" },
          body: body === undefined ? undefined : JSON.stringify(body),
        }),
        { params: Promise.resolve({ id }) },
      );

    const changed = await call(presetRoute.PATCH, "PATCH", { desiredRetention: 0.95 });
    expect(changed.status).toBe(200);
    expect(await changed.json()).toMatchObject({ preset: { id, name: "Keen", desiredRetention: 0.95, modules: 1 }, rescheduleReason: "RETENTION" });
    const refused = await call(presetRoute.PATCH, "PATCH", { desiredRetention: 0.5 });
    expect(refused.status).toBe(422);
    expect((await listPresets(db, me.id)).presets[0]?.desiredRetention).toBe(0.95);

    const deleted = await call(presetRoute.DELETE, "DELETE");
    expect([deleted.status, await deleted.json()]).toEqual([200, { rescheduleReason: "RETENTION" }]);
    const again = await call(presetRoute.DELETE, "DELETE");
    expect([again.status, await again.json()]).toEqual([200, { rescheduleReason: null }]);
    expect((await call(presetRoute.PATCH, "PATCH", { name: "Back" })).status).toBe(404);
  });

  it("refuses a preset that is not the learner's", async () => {
    const db = testDb();
    const [me, other] = [await createUser(db), await createUser(db, "other")];
    const course = await createModuleWithCards(db, { cards: 1, slug: "course" });
    await enroll(db, me.id, course.moduleId);
    const theirs = randomUUID();
    await createPreset(db, other.id, { id: theirs, name: "Theirs" }, T0);
    expect((await rejectsWithAppError(setStudyChoice(db, me.id, "course", { presetId: theirs }, T0))).code).toBe("NOT_FOUND");
  });

  it("the review limit holds reviews back, new cards stop with it unless they ignore it, and the queue says which limit holds", async () => {
    const db = testDb();
    const me = await createUser(db);
    const course = await createModuleWithCards(db, { cards: 8, slug: "course" });
    await enroll(db, me.id, course.moduleId);
    // Six cards learned (Easy: straight to review), then due together three weeks later.
    for (const cardId of course.cardIds.slice(0, 6)) await recordReview(db, { userId: me.id, reviewId: randomUUID(), cardId, rating: 4 }, T0);
    const later = new Date(T0.getTime() + 21 * 86_400_000);
    await updateUserSettings(db, me.id, { maximumReviewsPerDay: 4 }, T0);
    const limited = await getTodayQueue(db, catalogue, me.id, later);
    expect(limited.counts).toEqual({ learning: 0, review: 4, new: 0 });
    expect(limited.held).toMatchObject({ review: 2, reviewLimit: "day", newLimit: "review-limit", maximumReviewsPerDay: 4 });

    await updateUserSettings(db, me.id, { newIgnoresReviewLimit: true }, T0);
    const ignoring = await getTodayQueue(db, catalogue, me.id, later);
    expect(ignoring.counts).toEqual({ learning: 0, review: 4, new: 2 });
    expect(ignoring.held).toMatchObject({ review: 2, reviewLimit: "day", newLimit: null });

    // Reviews done today count towards the limit.
    const first = ignoring.cards.find((c) => c.queueKind === "review");
    await recordReview(db, { userId: me.id, reviewId: randomUUID(), cardId: first?.cardId ?? "", rating: 3 }, later);
    expect((await getTodayQueue(db, catalogue, me.id, later)).counts.review).toBe(3);
  });

  it("a preset's learning steps and leech action decide the next review; changing the preset leaves the review log as it was", async () => {
    const db = testDb();
    const me = await createUser(db);
    const course = await createModuleWithCards(db, { cards: 2, slug: "course" });
    await enroll(db, me.id, course.moduleId);
    const id = randomUUID();
    await createPreset(db, me.id, { id, name: "Slow steps", learningStepsMinutes: [5, 60], leechThreshold: 1, leechAction: "TAG" }, T0);
    await setStudyChoice(db, me.id, "course", { presetId: id }, T0);
    const [cardId] = course.cardIds;

    const first = await recordReview(db, { userId: me.id, reviewId: randomUUID(), cardId: cardId ?? "", rating: 1 }, T0);
    expect(first.state?.due.getTime()).toBe(minutes(5).getTime());
    const logBefore = await db.reviewLog.findMany({ where: { userId: me.id }, orderBy: { reviewedAt: "asc" } });

    await changePreset(db, me.id, id, { learningStepsMinutes: [3], desiredRetention: 0.8 }, minutes(1));
    expect(await db.reviewLog.findMany({ where: { userId: me.id }, orderBy: { reviewedAt: "asc" } })).toEqual(logBefore);
    expect((await db.cardState.findFirst({ where: { userId: me.id, cardId } }))?.due.getTime()).toBe(minutes(5).getTime());

    // Graduate, then lapse once: with threshold 1 and TAG the card is a leech but stays in the review.
    await recordReview(db, { userId: me.id, reviewId: randomUUID(), cardId: cardId ?? "", rating: 4 }, minutes(5));
    const due = await db.cardState.findFirst({ where: { userId: me.id, cardId } });
    const lapse = await recordReview(db, { userId: me.id, reviewId: randomUUID(), cardId: cardId ?? "", rating: 1 }, due?.due ?? T0);
    expect(lapse).toMatchObject({ leech: true, suspended: false });
    const state = await db.cardState.findFirst({ where: { userId: me.id, cardId } });
    expect(state).toMatchObject({ isLeech: true, suspendedAt: null });

    await changePreset(db, me.id, id, { leechAction: "SUSPEND" }, minutes(10));
    const [, second] = course.cardIds;
    await recordReview(db, { userId: me.id, reviewId: randomUUID(), cardId: second ?? "", rating: 4 }, minutes(10));
    const secondDue = await db.cardState.findFirst({ where: { userId: me.id, cardId: second } });
    const suspended = await recordReview(db, { userId: me.id, reviewId: randomUUID(), cardId: second ?? "", rating: 1 }, secondDue?.due ?? T0);
    expect(suspended).toMatchObject({ leech: true, suspended: true });
  });

  it("the learner's review order reaches the queue: most at risk first", async () => {
    const db = testDb();
    const me = await createUser(db);
    const course = await createModuleWithCards(db, { cards: 3, slug: "course" });
    await enroll(db, me.id, course.moduleId);
    const [a, b, c] = course.cardIds;
    await recordReview(db, { userId: me.id, reviewId: randomUUID(), cardId: a ?? "", rating: 4 }, T0);
    await recordReview(db, { userId: me.id, reviewId: randomUUID(), cardId: b ?? "", rating: 4 }, T0);
    await recordReview(db, { userId: me.id, reviewId: randomUUID(), cardId: c ?? "", rating: 4 }, T0);
    // Same last review; b's stability is cut, c's due moved earlier: by due c comes first, by risk b does.
    await db.cardState.updateMany({ where: { userId: me.id, cardId: b }, data: { stability: 1 } });
    await db.cardState.updateMany({ where: { userId: me.id, cardId: c }, data: { due: minutes(60) } });
    const later = new Date(T0.getTime() + 40 * 86_400_000);
    await updateUserSettings(db, me.id, { newCardsPerDay: 0 }, T0);
    expect((await getTodayQueue(db, catalogue, me.id, later)).cards[0]?.cardId).toBe(c);
    await updateUserSettings(db, me.id, { reviewOrder: "RETRIEVABILITY" }, T0);
    expect((await getTodayQueue(db, catalogue, me.id, later)).cards[0]?.cardId).toBe(b);
  });
});

describe("a backlog past what the queue reads", () => {
  beforeEach(resetDb);

  it("the review limit says how many due reviews wait, counted beyond the rows read", async () => {
    const db = testDb();
    const me = await createUser(db);
    const module = await db.module.create({ data: { scope: "public", slug: "backlog", title: "Backlog", sourceHash: "t" } });
    await enroll(db, me.id, module.id);
    const cards = await db.card.createManyAndReturn({
      data: Array.from({ length: 260 }, (_, i) => ({
        moduleId: module.id,
        externalId: `b${i}`,
        kind: "BASIC" as const,
        front: `Q${i}`,
        back: "A",
        siblingKey: `b${i}`,
        position: i,
        contentHash: `h${i}`,
      })),
      select: { id: true },
    });
    const yesterday = new Date(T0.getTime() - 86_400_000);
    await db.cardState.createMany({
      data: cards.map((c) => ({
        userId: me.id,
        cardId: c.id,
        due: yesterday,
        stability: 10,
        difficulty: 5,
        elapsedDays: 10,
        scheduledDays: 10,
        learningSteps: 0,
        reps: 3,
        lapses: 0,
        state: "REVIEW" as const,
        lastReview: new Date(T0.getTime() - 11 * 86_400_000),
      })),
    });
    await updateUserSettings(db, me.id, { maximumReviewsPerDay: 150 }, T0);
    const queue = await getTodayQueue(db, catalogue, me.id, T0);
    expect(queue.counts.review).toBe(150);
    expect(queue.held).toMatchObject({ review: 110, reviewLimit: "day" });
  });
});
