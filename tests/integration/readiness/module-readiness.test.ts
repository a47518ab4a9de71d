// Readiness figures on real Postgres from seeded reviews and attempts: true
// retention over 30 days for this module's cards, accuracy per exercise the
// module uses, open misconceptions, and the routes that serve them.
import { beforeEach, describe, expect, it } from "vitest";
import * as listRoute from "@/app/api/modules/route";
import * as readinessRoute from "@/app/api/modules/[slug]/readiness/route";
import { getModuleReadiness, type ModuleReadiness } from "@/lib/readiness/module-readiness";
import { resetDb, testDb } from "../support/db";
import { bearerFor, createModuleWithCards, createUser, enroll } from "../support/fixtures";
import { COURSE_SLUG, insertAttempt, insertReviewLog, seedCourseModule } from "../support/readiness-fixtures";
import { catalogue } from "@/exercises/catalogue";

const NOW = new Date("2026-11-23T18:00:00Z");
const daysAgo = (n: number, hour = 0) => new Date(NOW.getTime() - n * 86_400_000 + hour * 3_600_000);

async function setup() {
  const db = testDb();
  const moduleId = await seedCourseModule(db);
  const user = await createUser(db);
  const cards = await db.card.findMany({ where: { moduleId, kind: { not: "EXERCISE" } }, orderBy: { position: "asc" }, take: 20 });
  return { db, moduleId, user, cardIds: cards.map((c) => c.id) };
}

describe("module readiness", () => {
  beforeEach(resetDb);

  it("for a fresh learner: nothing to show yet, and a first step", async () => {
    const { db, user } = await setup();
    const r = await getModuleReadiness(db, catalogue, user.id, COURSE_SLUG, NOW);
    expect(r.checklist).toMatchObject({ ticked: 0, total: 21 });
    expect(r.retention).toMatchObject({ retention: null, reviews: 0, needed: 10, windowDays: 30 });
    const cardSlugs = await db.card.findMany({ where: { kind: "EXERCISE" }, orderBy: { position: "asc" }, select: { exerciseSlug: true } });
    const evidenceSlugs = ["prenorm-block-assembly", "layernorm-by-hand", "rmsnorm-by-hand", "causal-mask-row", "kv-cache-gqa-bytes"];
    expect(r.exercises.map((e) => e.slug)).toEqual([...new Set([...cardSlugs.map((c) => c.exerciseSlug), ...evidenceSlugs])]);
    expect(r.exercises.every((e) => e.attempts === 0 && e.accuracy === null && e.lastAttemptAt === null)).toBe(true);
    expect(r.misconceptions).toEqual([]);
    expect(r.next.level).toBe("not-started");
    expect(r.next).toMatchObject({ headline: expect.stringMatching(/^Start here/), action: { href: "/review" } });
  });

  it("computes retention, accuracy and open misconceptions from seeded history", async () => {
    const { db, moduleId, user, cardIds } = await setup();
    const other = await createUser(db, "other");
    const elsewhere = await createModuleWithCards(db, { cards: 1 });
    await enroll(db, user.id, elsewhere.moduleId);
    const card = (i: number) => cardIds[i] as string;
    // 12 reviews in review state within 30 days, 3 of them Again → 9/12.
    for (let i = 0; i < 12; i++) await insertReviewLog(db, user.id, card(i), daysAgo(i + 1), { state: "REVIEW", rating: i < 3 ? 1 : 3 });
    // Not counted: learning steps, reviews older than 30 days, another module, another learner.
    await insertReviewLog(db, user.id, card(13), daysAgo(2), { state: "LEARNING", rating: 1 });
    await insertReviewLog(db, user.id, card(14), daysAgo(2), { state: "RELEARNING", rating: 1 });
    await insertReviewLog(db, user.id, card(15), daysAgo(31), { state: "REVIEW", rating: 1 });
    await insertReviewLog(db, user.id, elsewhere.cardIds[0] as string, daysAgo(1), { state: "REVIEW", rating: 1 });
    await insertReviewLog(db, other.id, card(0), daysAgo(1), { state: "REVIEW", rating: 1 });

    // LayerNorm: 12 attempts, 9 correct in all; the latest 10 hold 7 correct.
    const outcomes = [true, true, true, true, true, false, true, true, false, true, false, true];
    for (const [i, correct] of outcomes.entries()) await insertAttempt(db, user.id, "layernorm-by-hand", daysAgo(12 - i, 1), { correct });
    // Causal mask: one mistake closed by a later pass, then another still open.
    await insertAttempt(db, user.id, "causal-mask-row", daysAgo(5), { correct: false, misconceptions: ["mask-after-softmax"] });
    await insertAttempt(db, user.id, "causal-mask-row", daysAgo(4), { correct: true });
    await insertAttempt(db, user.id, "causal-mask-row", daysAgo(2), { correct: false, misconceptions: ["upper-triangle"] });
    await insertAttempt(db, user.id, "causal-mask-row", daysAgo(1), { correct: false, misconceptions: ["upper-triangle"] });
    // Outside the module's exercises (every catalogue exercise is linked from it, so one no longer in the catalogue), and another learner's: never shown.
    await insertAttempt(db, user.id, "retired-exercise", daysAgo(1), { correct: false, misconceptions: ["wrong-sign"] });
    await insertAttempt(db, other.id, "rmsnorm-by-hand", daysAgo(1), { correct: false, misconceptions: ["mean-not-rms"] });

    const r = await getModuleReadiness(db, catalogue, user.id, COURSE_SLUG, NOW);
    expect(r.retention).toMatchObject({ retention: 0.75, reviews: 12, passed: 9, needed: 0 });
    const accuracy = (slug: string) => r.exercises.find((e) => e.slug === slug);
    expect(accuracy("layernorm-by-hand")).toMatchObject({ accuracy: 0.7, recent: 10, attempts: 12, lastAttemptAt: daysAgo(1, 1).toISOString() });
    expect(accuracy("causal-mask-row")).toMatchObject({ accuracy: 0.25, recent: 4, attempts: 4 });
    expect(accuracy("rmsnorm-by-hand")).toMatchObject({ accuracy: null, attempts: 0 });
    // Exactly the exercises the module's cards link to, each once.
    const linked = await db.card.findMany({ where: { moduleId, exerciseSlug: { not: null } }, select: { exerciseSlug: true } });
    expect(r.exercises.map((e) => e.slug).sort()).toEqual([...new Set(linked.map((c) => c.exerciseSlug))].sort());

    expect(r.misconceptions).toHaveLength(1);
    expect(r.misconceptions[0]).toMatchObject({
      exerciseSlug: "causal-mask-row",
      code: "upper-triangle",
      count: 2,
      href: "/exercises/causal-mask-row",
      lastSeen: daysAgo(1).toISOString(),
    });
    expect(r.misconceptions[0]?.message).toMatch(/masked the past/);
    expect(r.next).toMatchObject({ level: "in-progress", action: { href: "/exercises/causal-mask-row" } });
    expect(r.next.headline).toContain("“You masked the past and kept the future”");
    expect(r.next.headline).not.toContain("upper-triangle");
  });

  it("serves readiness and the module list over the API, to the caller only", async () => {
    const { db, user } = await setup();
    const auth = await bearerFor(db, user.id);
    const get = (url: string) => new Request(url, { headers: { authorization: auth } });
    await insertAttempt(db, user.id, "rmsnorm-by-hand", daysAgo(1), { correct: true });

    const one = await readinessRoute.GET(get(`http://localhost/api/modules/${COURSE_SLUG}/readiness`), { params: Promise.resolve({ slug: COURSE_SLUG }) });
    expect(one.status).toBe(200);
    const body = (await one.json()) as ModuleReadiness;
    expect(body.module.slug).toBe(COURSE_SLUG);
    expect(body.exercises.find((e) => e.slug === "rmsnorm-by-hand")).toMatchObject({ accuracy: 1, attempts: 1 });

    const missing = await readinessRoute.GET(get("http://localhost/api/modules/nope/readiness"), { params: Promise.resolve({ slug: "nope" }) });
    expect(missing.status).toBe(404);

    const list = (await (await listRoute.GET(get("http://localhost/api/modules"), undefined)).json()) as { modules: ModuleReadiness[] };
    expect(list.modules.map((m) => m.module.slug)).toEqual([COURSE_SLUG]);
    expect(list.modules[0]?.checklist.total).toBe(21);
  });
});
