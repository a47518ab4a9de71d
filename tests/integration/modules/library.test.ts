import { randomUUID } from "node:crypto";
import { beforeEach, describe, expect, it } from "vitest";
import { getLibrary } from "@/lib/modules/library";
import { changeModule, createModule, deleteModule, setStudyChoice } from "@/lib/modules/manage-modules";
import { getTodayQueue } from "@/lib/queue/today-queue";
import { recordReview, recordReviewWithContext } from "@/lib/reviews/record-review";
import { rejectsWithAppError } from "../support/app-error";
import { resetDb, testDb } from "../support/db";
import { createModuleWithCards, createUser, enroll } from "../support/fixtures";
import { catalogue } from "@/exercises/catalogue";

const T0 = new Date("2026-03-02T09:00:00Z");
const hours = (n: number) => new Date(T0.getTime() + n * 3_600_000);

describe("a learner's library", () => {
  beforeEach(resetDb);

  it("lists the public course and the learner's own modules with new / learning / due counts, never another learner's", async () => {
    const db = testDb();
    const [me, other] = [await createUser(db), await createUser(db, "other")];
    const course = await createModuleWithCards(db, { cards: 4, slug: "course" });
    await enroll(db, me.id, course.moduleId);
    const mine = await createModule(db, me.id, { slug: "my-notes", title: "My notes", description: "" }, T0);
    await createModule(db, other.id, { slug: "their-notes", title: "Their notes", description: "" }, T0);

    await recordReview(db, { userId: me.id, reviewId: randomUUID(), cardId: course.cardIds[0] ?? "", rating: 1 }, hours(0));
    await recordReview(db, { userId: me.id, reviewId: randomUUID(), cardId: course.cardIds[1] ?? "", rating: 4 }, hours(0));

    const library = await getLibrary(db, catalogue, me.id, hours(1));
    expect(library.modules.map((m) => m.slug)).toEqual(["course", "my-notes"]);
    const [courseView, mineView] = library.modules;
    expect(courseView).toMatchObject({ owned: false, studying: true, counts: { total: 4, new: 2, learning: 1, due: 0 } });
    expect(mineView).toMatchObject({ id: mine.id, owned: true, studying: true, counts: { total: 0, new: 0, learning: 0, due: 0 } });
    expect(library.defaults).toEqual({ desiredRetention: 0.9, newCardsPerDay: 20 });
  });

  it("feeds the queue only from studied, unarchived modules, and a module shown later can be taken up", async () => {
    const db = testDb();
    const me = await createUser(db);
    const course = await createModuleWithCards(db, { cards: 2, slug: "course" });
    await enroll(db, me.id, course.moduleId);
    const later = await createModuleWithCards(db, { cards: 2, slug: "added-later" });
    const own = await createModule(db, me.id, { slug: "mine", title: "Mine", description: "" }, T0);
    const ownCards = await db.card.createManyAndReturn({
      data: [0, 1].map((i) => ({
        moduleId: own.id,
        externalId: `o${i}`,
        kind: "BASIC" as const,
        front: `Own ${i}`,
        back: "A",
        siblingKey: `o${i}`,
        position: i,
        contentHash: `o${i}`,
      })),
    });
    const queued = async () => (await getTodayQueue(db, catalogue, me.id, hours(1))).cards.map((c) => c.cardId).sort();

    expect(await queued()).toEqual([...course.cardIds, ...ownCards.map((c) => c.id)].sort());
    expect((await getLibrary(db, catalogue, me.id, T0)).modules.find((m) => m.slug === "added-later")).toMatchObject({ studying: false });

    await setStudyChoice(db, me.id, "added-later", { studying: true }, T0);
    await setStudyChoice(db, me.id, "course", { studying: false }, T0);
    expect(await queued()).toEqual([...later.cardIds, ...ownCards.map((c) => c.id)].sort());

    await changeModule(db, me.id, "mine", { archived: true }, T0);
    expect(await queued()).toEqual([...later.cardIds].sort());
    expect((await getLibrary(db, catalogue, me.id, T0)).modules.at(-1)).toMatchObject({ slug: "mine", archived: true, studying: false });
    expect((await rejectsWithAppError(setStudyChoice(db, me.id, "mine", { studying: true }, T0))).code).toBe("CONFLICT");
    await changeModule(db, me.id, "mine", { archived: false }, T0);
    expect(await queued()).toHaveLength(4);
  });

  it("applies a module's own new-card limit and desired retention", async () => {
    const db = testDb();
    const me = await createUser(db);
    const course = await createModuleWithCards(db, { cards: 6, slug: "course" });
    await enroll(db, me.id, course.moduleId);
    await setStudyChoice(db, me.id, "course", { newCardsPerDay: 3 }, T0);

    const first = await getTodayQueue(db, catalogue, me.id, T0);
    expect(first.cards.map((c) => c.cardId)).toEqual(course.cardIds.slice(0, 3));
    await recordReview(db, { userId: me.id, reviewId: randomUUID(), cardId: course.cardIds[0] ?? "", rating: 4 }, hours(1));
    await recordReview(db, { userId: me.id, reviewId: randomUUID(), cardId: course.cardIds[1] ?? "", rating: 4 }, hours(1));
    const later = await getTodayQueue(db, catalogue, me.id, hours(2));
    expect(later.counts.new).toBe(1);

    // A lower target retention schedules an Easy first answer further out, in the preview and in the review.
    const easyPreview = async () =>
      new Date((await getTodayQueue(db, catalogue, me.id, hours(3))).cards[0]?.previews.find((p) => p.rating === 4)?.due ?? 0).getTime();
    const easy = async (cardId: string) =>
      (await recordReviewWithContext(db, { userId: me.id, reviewId: randomUUID(), cardId, rating: 4 }, hours(3))).result.state?.due.getTime() ?? 0;
    await setStudyChoice(db, me.id, "course", { desiredRetention: 0.7, newCardsPerDay: null }, T0);
    const relaxedPreview = await easyPreview();
    const relaxed = await easy(course.cardIds[2] ?? "");
    await setStudyChoice(db, me.id, "course", { desiredRetention: null }, T0);
    const normalPreview = await easyPreview();
    const normal = await easy(course.cardIds[3] ?? "");
    expect(relaxed).toBeGreaterThan(normal);
    expect(relaxedPreview).toBeGreaterThan(normalPreview);
  });

  it("keeps the public course read-only and another learner's module out of reach", async () => {
    const db = testDb();
    const [me, other] = [await createUser(db), await createUser(db, "other")];
    await createModuleWithCards(db, { cards: 1, slug: "course" });
    await createModule(db, other.id, { slug: "theirs", title: "Theirs", description: "" }, T0);

    expect((await rejectsWithAppError(changeModule(db, me.id, "course", { title: "Mine now" }, T0))).code).toBe("FORBIDDEN");
    expect((await rejectsWithAppError(deleteModule(db, me.id, "course", "course"))).code).toBe("FORBIDDEN");
    expect((await rejectsWithAppError(changeModule(db, me.id, "theirs", { title: "x" }, T0))).code).toBe("NOT_FOUND");
    expect((await rejectsWithAppError(setStudyChoice(db, me.id, "theirs", { studying: true }, T0))).code).toBe("NOT_FOUND");
    expect((await rejectsWithAppError(deleteModule(db, me.id, "theirs", "theirs"))).code).toBe("NOT_FOUND");
    expect(await db.module.count({ where: { slug: "theirs" } })).toBe(1);
    expect(
      (
        await rejectsWithAppError(
          createModule(db, me.id, { slug: "dup", title: "A", description: "" }, T0).then(() =>
            createModule(db, me.id, { slug: "dup", title: "B", description: "" }, T0),
          ),
        )
      ).code,
    ).toBe("CONFLICT");
    // The same slug as another learner's, or as the public course's, is fine: slugs are per owner.
    await createModule(db, me.id, { slug: "theirs", title: "Mine too", description: "" }, T0);
    await createModule(db, me.id, { slug: "course", title: "My course notes", description: "" }, T0);
    expect((await changeModule(db, me.id, "course", { title: "Renamed" }, T0)).owned).toBe(true);
  });

  it("deletes a module with its cards only when the slug is repeated, keeping the review log", async () => {
    const db = testDb();
    const me = await createUser(db);
    const own = await createModule(db, me.id, { slug: "scratch", title: "Scratch", description: "" }, T0);
    const card = await db.card.create({
      data: { moduleId: own.id, externalId: "a", kind: "BASIC", front: "Q", back: "A", siblingKey: "a", position: 0, contentHash: "a" },
    });
    const reviewId = randomUUID();
    await recordReview(db, { userId: me.id, reviewId, cardId: card.id, rating: 3 }, T0);

    expect((await rejectsWithAppError(deleteModule(db, me.id, "scratch", "scrat"))).code).toBe("VALIDATION");
    expect(await db.card.count({ where: { moduleId: own.id } })).toBe(1);
    await deleteModule(db, me.id, "scratch", "scratch");
    expect(await db.module.count({ where: { id: own.id } })).toBe(0);
    expect(await db.card.count({ where: { id: card.id } })).toBe(0);
    expect(await db.cardState.count({ where: { cardId: card.id } })).toBe(0);
    expect(await db.reviewLog.findUnique({ where: { id: reviewId } })).toMatchObject({ cardId: card.id, rating: 3 });
  });
});
