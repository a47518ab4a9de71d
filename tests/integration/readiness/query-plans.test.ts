// The readiness and evidence queries read attempts and reviews through their
// indexes, never by scanning the tables: checked with EXPLAIN on a database
// holding many learners' history (tens of thousands of rows, analysed).
import { beforeAll, describe, expect, it } from "vitest";
import { firstPassPerDaySql } from "@/lib/checklists/checklist-queries";
import { Prisma } from "@/lib/db/generated/client";
import { attemptStatsSql, reviewGroupsSql } from "@/lib/readiness/readiness-queries";
import { resetDb, testDb } from "../support/db";
import { createUser } from "../support/fixtures";
import { seedCourseModule } from "../support/readiness-fixtures";

const SLUGS = ["layernorm-by-hand", "rmsnorm-by-hand", "prenorm-block-assembly", "causal-mask-row", "kv-cache-gqa-bytes"];
const NOW = new Date("2026-11-23T18:00:00Z");

type PlanNode = { "Node Type": string; "Relation Name"?: string; "Index Name"?: string; Plans?: PlanNode[] };

function nodes(plan: PlanNode): PlanNode[] {
  return [plan, ...(plan.Plans ?? []).flatMap(nodes)];
}

async function planOf(sql: Prisma.Sql): Promise<PlanNode[]> {
  const rows = await testDb().$queryRaw<{ "QUERY PLAN": { Plan: PlanNode }[] }[]>(Prisma.sql`EXPLAIN (FORMAT JSON) ${sql}`);
  const plan = rows[0]?.["QUERY PLAN"][0]?.Plan;
  if (!plan) throw new Error("no plan");
  return nodes(plan);
}

const scansOf = (plan: PlanNode[], table: string) => plan.filter((n) => n["Relation Name"] === table);
/** Every read of `table` goes through an index (a bitmap heap scan is fed by one), and `index` is among them. */
function expectIndexed(plan: PlanNode[], table: string, index: string): void {
  const scans = scansOf(plan, table);
  expect(scans.length).toBeGreaterThan(0);
  for (const scan of scans) expect(scan["Node Type"], JSON.stringify(scan)).toMatch(/^(Index Scan|Index Only Scan|Bitmap Heap Scan)$/);
  expect(plan.map((n) => n["Index Name"])).toContain(index);
}
const ATTEMPT_INDEX = "exercise_attempt_userId_exerciseSlug_createdAt_idx";

let userId = "";
let moduleId = "";

describe("query plans on realistic data", () => {
  beforeAll(async () => {
    await resetDb();
    const db = testDb();
    moduleId = await seedCourseModule(db);
    userId = (await createUser(db)).id;
    // 300 other learners with 200 attempts and 300 reviews each, plus 2,000 attempts of our learner.
    await db.$executeRaw`
      INSERT INTO "user" (id, name, email, "updatedAt")
      SELECT 'bulk-' || g, 'bulk', 'bulk-' || g || '@example.test', now() FROM generate_series(1, 300) g`;
    await db.$executeRaw`
      INSERT INTO exercise_attempt (id, "userId", "exerciseSlug", seed, answers, steps, score, correct, misconceptions, backend, "gradingMs", "createdAt")
      SELECT gen_random_uuid(), u.id, (${SLUGS}::text[])[1 + (g % 5)], g, '{}', '[]', 1, g % 3 <> 0,
             CASE WHEN g % 3 = 0 THEN ARRAY['sample-variance'] ELSE ARRAY[]::text[] END, 'float64', 0.1,
             ${NOW}::timestamp - make_interval(hours => g * 7)
      FROM (SELECT id FROM "user" WHERE id LIKE 'bulk-%' UNION ALL SELECT ${userId}) u
      CROSS JOIN generate_series(1, 200) g`;
    await db.$executeRaw`
      INSERT INTO exercise_attempt (id, "userId", "exerciseSlug", seed, answers, steps, score, correct, backend, "gradingMs", "createdAt")
      SELECT gen_random_uuid(), ${userId}, (${SLUGS}::text[])[1 + (g % 5)], g, '{}', '[]', 1, g % 4 = 0, 'float64', 0.1,
             ${NOW}::timestamp - make_interval(mins => g * 13)
      FROM generate_series(1, 2000) g`;
    await db.$executeRaw`
      INSERT INTO review_log (id, "userId", "cardId", rating, state, due, stability, difficulty, "elapsedDays", "lastElapsedDays",
        "scheduledDays", "learningSteps", "reviewedAt", "stateBefore", "stateVersionAfter")
      SELECT gen_random_uuid(), u.id, c.id, 1 + (g % 4), 'REVIEW', now(), 5, 5, 3, 3, 3, 0,
             ${NOW}::timestamp - make_interval(hours => g * 5), '{}', 1
      FROM (SELECT id FROM "user" WHERE id LIKE 'bulk-%' UNION ALL SELECT ${userId}) u
      CROSS JOIN generate_series(1, 300) g
      JOIN LATERAL (SELECT id FROM card WHERE "moduleId" = ${moduleId}::uuid ORDER BY position OFFSET (g % 50) LIMIT 1) c ON true`;
    for (const table of ["exercise_attempt", "review_log", "card"]) await db.$executeRawUnsafe(`ANALYZE ${table}`);
    expect(await db.exerciseAttempt.count()).toBeGreaterThan(60_000);
    expect(await db.reviewLog.count()).toBeGreaterThan(90_000);
  }, 120_000);

  it("evidence: first pass per study day probes the attempt index", async () => {
    const wanted = new Map(SLUGS.map((s) => [s, 3]));
    const plan = await planOf(firstPassPerDaySql(userId, wanted, { timeZone: "Europe/Berlin", dayStartHour: 4 }, NOW));
    expectIndexed(plan, "exercise_attempt", ATTEMPT_INDEX);
  });

  it("accuracy: latest attempts, totals and last pass per exercise use the attempt index", async () => {
    const plan = await planOf(attemptStatsSql(userId, SLUGS, 10, NOW));
    expect(scansOf(plan, "exercise_attempt")).toHaveLength(3);
    expectIndexed(plan, "exercise_attempt", ATTEMPT_INDEX);
  });

  it("retention: 30 days of the learner's reviews via review_log(userId, reviewedAt)", async () => {
    const since = new Date(NOW.getTime() - 30 * 86_400_000);
    const plan = await planOf(reviewGroupsSql(userId, moduleId, since, NOW));
    expect(scansOf(plan, "review_log")).toHaveLength(1);
    expectIndexed(plan, "review_log", "review_log_userId_reviewedAt_idx");
  });
});
