// The stats and export queries read through indexes, never by scanning a
// table: checked with EXPLAIN on an analysed database holding several
// learners with tens of thousands of states and reviews each.
import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { exerciseStatsSql } from "@/lib/attempts/exercise-stats";
import { insertAttemptSql } from "@/lib/data/exercise-attempt";
import { rebuildExerciseTallies } from "@/lib/data/exercise-tally";
import { Prisma } from "@/lib/db/generated/client";
import { attemptPageSql } from "@/lib/export/attempt-export";
import { cardPageSql } from "@/lib/export/card-export";
import { START_AT, START_ID } from "@/lib/export/export-kind";
import { reviewPageSql } from "@/lib/export/review-export";
import { dueLoadSql } from "@/lib/queue/due-load";
import { dueBucketsSql, retentionCountsSql, reviewBucketsSql } from "@/lib/stats/stats-queries";
import { studyDaysFrom, studyDaysUntil } from "@/lib/stats/study-days";
import { resetDb, testDb } from "../support/db";
import { createUser } from "../support/fixtures";

const NOW = new Date("2026-11-23T18:00:00Z");
const CLOCK = { timeZone: "Europe/Berlin", dayStartHour: 4 };
const CARDS = 20_000;

type PlanNode = { "Node Type": string; "Relation Name"?: string; "Index Name"?: string; Plans?: PlanNode[] };
const nodes = (plan: PlanNode): PlanNode[] => [plan, ...(plan.Plans ?? []).flatMap(nodes)];

async function planOf(sql: Prisma.Sql): Promise<PlanNode[]> {
  const rows = await testDb().$queryRaw<{ "QUERY PLAN": { Plan: PlanNode }[] }[]>(Prisma.sql`EXPLAIN (FORMAT JSON) ${sql}`);
  const plan = rows[0]?.["QUERY PLAN"][0]?.Plan;
  if (!plan) throw new Error("no plan");
  return nodes(plan);
}

/** Every read of `table` goes through an index, and `index` is among them. */
function expectIndexed(plan: PlanNode[], table: string, index: string): void {
  const scans = plan.filter((n) => n["Relation Name"] === table);
  expect(scans.length).toBeGreaterThan(0);
  for (const scan of scans) expect(scan["Node Type"], JSON.stringify(scan)).toMatch(/^(Index Scan|Index Only Scan|Bitmap Heap Scan)$/);
  expect(plan.map((n) => n["Index Name"])).toContain(index);
}

let userId = "";
let moduleId = "";

describe("stats and export query plans on realistic data", () => {
  beforeAll(async () => {
    await resetDb();
    const db = testDb();
    userId = (await createUser(db)).id;
    const module = await db.module.create({ data: { scope: "public", slug: "bulk", title: "Bulk", sourceHash: "x" } });
    moduleId = module.id;
    // Our learner: a state for each of 20k cards, due over the next year, and two reviews per card over a year;
    // 200 others on an 80k-card module: 400 states, 1,600 reviews and 100 attempts each.
    const other = await db.module.create({ data: { scope: "public", slug: "other", title: "Other", sourceHash: "x" } });
    await db.$executeRaw`
      INSERT INTO "user" (id, name, email, "updatedAt")
      SELECT 'bulk-' || g, 'bulk', 'bulk-' || g || '@example.test', now() FROM generate_series(1, 200) g`;
    await db.$executeRaw`
      INSERT INTO card (id, "moduleId", "externalId", kind, front, back, "siblingKey", position, "contentHash", "updatedAt")
      SELECT gen_random_uuid(), CASE WHEN i < ${CARDS} THEN ${moduleId}::uuid ELSE ${other.id}::uuid END, 'c' || i, 'BASIC',
        'Q' || i, 'A' || i, 's' || i, CASE WHEN i < ${CARDS} THEN i ELSE i - ${CARDS} END, 'h', now()
      FROM generate_series(0, ${CARDS * 5 - 1}) i`;
    await db.$executeRaw`INSERT INTO enrollment ("userId", "moduleId") VALUES (${userId}, ${moduleId}::uuid)`;
    await db.$executeRaw`
      INSERT INTO enrollment ("userId", "moduleId") SELECT id, ${other.id}::uuid FROM "user" WHERE id LIKE 'bulk-%'`;
    await db.$executeRaw`
      INSERT INTO card_state (id, "userId", "cardId", due, stability, difficulty, "elapsedDays", "scheduledDays", "learningSteps",
        reps, lapses, state, "updatedAt")
      SELECT gen_random_uuid(), ${userId}, c.id, ${NOW}::timestamp + random() * interval '365 days', 10, 5, 3, 10, 0, 3, 0, 'REVIEW', now()
      FROM card c WHERE c."moduleId" = ${moduleId}::uuid`;
    await db.$executeRaw`
      INSERT INTO card_state (id, "userId", "cardId", due, stability, difficulty, "elapsedDays", "scheduledDays", "learningSteps",
        reps, lapses, state, "updatedAt")
      SELECT gen_random_uuid(), u.id, c.id, ${NOW}::timestamp + random() * interval '60 days', 10, 5, 3, 10, 0, 3, 0, 'REVIEW', now()
      FROM "user" u JOIN card c ON c."moduleId" = ${other.id}::uuid AND c.position < 400 WHERE u.id LIKE 'bulk-%'`;
    await db.$executeRaw`
      INSERT INTO review_log (id, "userId", "cardId", rating, state, due, stability, difficulty, "elapsedDays", "lastElapsedDays",
        "scheduledDays", "learningSteps", "reviewedAt", "stateBefore", "stateVersionAfter")
      SELECT gen_random_uuid(), s."userId", s."cardId", 1 + (c.position % 4), 'REVIEW', now(), 5, 5, 3, 3, 3, 0,
             ${NOW}::timestamp - (c.position::float8 / ${CARDS}) * interval '365 days' - g * interval '1 minute', '{}', 1
      FROM card_state s JOIN card c ON c.id = s."cardId"
      CROSS JOIN generate_series(0, 3) g WHERE s."userId" <> ${userId} OR g < 2`;
    await db.$executeRaw`
      INSERT INTO exercise_attempt (id, "userId", "exerciseSlug", seed, answers, steps, score, correct, backend, "gradingMs", "createdAt")
      SELECT gen_random_uuid(), u.id, 'slug-' || (g % 20), g, '{}', '[]', 1, true, 'float64', 0.1, ${NOW}::timestamp - g * interval '1 hour'
      FROM "user" u CROSS JOIN generate_series(1, 100) g`;
    await rebuildExerciseTallies(db);
    for (const table of ["card", "card_state", "review_log", "exercise_attempt", "enrollment", "exercise_tally"])
      await db.$executeRawUnsafe(`VACUUM ANALYZE ${table}`);
    expect(await db.cardState.count({ where: { userId } })).toBe(CARDS);
    expect(await db.reviewLog.count({ where: { userId } })).toBe(CARDS * 2);
    expect(await db.reviewLog.count()).toBe(CARDS * 2 + 200 * 1600);
  }, 180_000);

  it("due forecast: card_state(userId, due) over 30 study days", async () => {
    const days = studyDaysFrom(NOW, 30, CLOCK);
    const plan = await planOf(
      dueBucketsSql(
        userId,
        days.map((d) => d.start),
        new Date(NOW.getTime() + 30 * 86_400_000),
      ),
    );
    expectIndexed(plan, "card_state", "card_state_userId_due_idx");
    // card is reached by the planner's choice: pkey probes per due state, or at this
    // size a hash of the card table's id and archivedAt, which it judges cheaper.
    expect(plan.some((n) => n["Relation Name"] === "card")).toBe(true);
  });

  it("load balancer's due counts (one per review post): index-only scans of card_state(userId, due), fuzz ranges only", async () => {
    const starts = studyDaysFrom(NOW, 40, CLOCK).map((d) => d.start);
    const spans = [
      { from: starts[17] ?? NOW, until: starts[23] ?? NOW },
      { from: starts[31] ?? NOW, until: starts[39] ?? NOW },
    ];
    const plan = await planOf(dueLoadSql(userId, starts.slice(17), spans));
    const scans = plan.filter((n) => n["Relation Name"] === "card_state");
    expect(scans).toHaveLength(2);
    for (const scan of scans) expect(scan["Node Type"], JSON.stringify(scan)).toBe("Index Only Scan");
    expect(plan.map((n) => n["Index Name"])).toContain("card_state_userId_due_idx");
  });

  it("statements bucketing by day starts pass them as a plain timestamp[]: a generic plan does not re-cast the array per row", async () => {
    // Raw statements are prepared per connection, so Postgres may switch to the generic plan;
    // there a `timestamp(3)[]` cast of the parameter is applied to every row it buckets.
    const starts = studyDaysFrom(NOW, 40, CLOCK).map((d) => d.start);
    const statements = [
      dueLoadSql(userId, starts, [{ from: starts[1] ?? NOW, until: starts[9] ?? NOW }]),
      dueBucketsSql(userId, starts, starts[39] ?? NOW),
      reviewBucketsSql(userId, starts, starts[39] ?? NOW),
    ];
    for (const sql of statements) {
      const rows = await testDb().$queryRawUnsafe<{ "QUERY PLAN": string }[]>(`EXPLAIN (GENERIC_PLAN, VERBOSE) ${sql.text}`);
      const plan = rows.map((r) => r["QUERY PLAN"]).join("\n");
      expect(plan).toContain("width_bucket");
      expect(plan).not.toContain("timestamp(3)");
    }
  });

  it("heatmap and retention: review_log(userId, reviewedAt)", async () => {
    const days = studyDaysUntil(NOW, 365, CLOCK);
    const heat = await planOf(
      reviewBucketsSql(
        userId,
        days.slice(-182).map((d) => d.start),
        NOW,
      ),
    );
    expectIndexed(heat, "review_log", "review_log_userId_reviewedAt_idx");
    const starts = [days[358], days[335], days[0]].map((d) => d?.start ?? NOW);
    expectIndexed(await planOf(retentionCountsSql(userId, starts, NOW)), "review_log", "review_log_userId_reviewedAt_idx");
  });

  it("export pages: a keyset range scan on each kind's index", async () => {
    expectIndexed(await planOf(reviewPageSql(userId, { at: START_AT, id: START_ID }, 1000)), "review_log", "review_log_userId_reviewedAt_idx");
    const middle = { at: new Date(NOW.getTime() - 100 * 86_400_000), id: START_ID };
    expectIndexed(await planOf(reviewPageSql(userId, middle, 1000)), "review_log", "review_log_userId_reviewedAt_idx");
    const cards = await planOf(cardPageSql(userId, { id: moduleId, slug: "bulk" }, { position: 5000, id: START_ID }, 1000));
    expectIndexed(cards, "card", "card_moduleId_position_idx");
    expectIndexed(cards, "card_state", "card_state_userId_cardId_key");
    expectIndexed(
      await planOf(attemptPageSql(userId, { slug: "slug-3", at: START_AT, id: START_ID }, 1000)),
      "exercise_attempt",
      "exercise_attempt_userId_exerciseSlug_createdAt_idx",
    );
  });

  it("an exercise's figures across learners: its learners' tallies by exercise_tally's key, never the attempts", async () => {
    const plan = await planOf(exerciseStatsSql("slug-3"));
    expectIndexed(plan, "exercise_tally", "exercise_tally_pkey");
    expect(plan.filter((n) => n["Relation Name"] === "exercise_attempt")).toEqual([]);
  });

  it("storing and tallying one attempt in one statement: its variant's earlier attempts by exercise_attempt(exerciseSlug, userId, seed, createdAt)", async () => {
    const [earlier] = await testDb().$queryRaw<{ userId: string; seed: number }[]>`
      SELECT "userId", seed FROM exercise_attempt WHERE "exerciseSlug" = 'slug-3' LIMIT 1`;
    if (!earlier) throw new Error("no attempt");
    const key = { attemptId: randomUUID(), userId: earlier.userId, slug: "slug-3", seed: earlier.seed };
    const fields = {
      answers: {},
      steps: [],
      score: 1,
      correct: true,
      misconceptions: [],
      backend: "float64",
      gradingMs: 0.1,
      durationMs: null,
      afterReveal: false,
    };
    const plan = await planOf(insertAttemptSql(key, fields, NOW));
    const writes = plan.filter((n) => n["Node Type"] === "ModifyTable").map((n) => n["Relation Name"]);
    expect(writes.sort()).toEqual(["exercise_attempt", "exercise_mistake_tally", "exercise_step_tally", "exercise_tally"]);
    expectIndexed(
      plan.filter((n) => n["Node Type"] !== "ModifyTable"),
      "exercise_attempt",
      "exercise_attempt_exerciseSlug_userId_seed_createdAt_idx",
    );
  });
});
