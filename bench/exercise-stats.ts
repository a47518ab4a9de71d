// npm run bench:exercise-stats — an exercise's figures across learners
// (lib/attempts/exercise-stats.ts) over 100,000 stored attempts by 2,000
// learners: spread over the catalogue's exercises as a class would leave them,
// and all at one exercise (the worst case). Each is timed with the
// (exerciseSlug, userId, seed, createdAt) index and again without it.
// `-- --plans` also prints EXPLAIN ANALYZE of each case.
import { join } from "node:path";
import { catalogue } from "../exercises/catalogue";
import { exerciseStatsSql, loadExerciseStats } from "../lib/attempts/exercise-stats";
import { Prisma } from "../lib/db/generated/client";
import type { PrismaClient } from "../lib/db/generated/client";
import { freshBenchDatabase } from "./support/fresh-database";
import { runBench, type Cleanups } from "./support/lifecycle";
import { heading, loadAverage, ms, note, summarize, table, timeRuns } from "./support/stats";

const DATA_DIR = join(process.cwd(), ".cache", "exercise-stats-bench");
const ATTEMPTS = 100_000;
const LEARNERS = 2_000;
const RUNS = 30;
const SLUG = "causal-mask-row";
const INDEX = "exercise_attempt_exerciseSlug_userId_seed_createdAt_idx";
const SHOW_PLANS = process.argv.includes("--plans");

/** 100,000 attempts: the measured exercise's steps (typed values, expected values, feedback) and mistakes as the grader stores them; `slugs` shared round-robin. */
async function fill(prisma: PrismaClient, slugs: readonly string[]): Promise<void> {
  await prisma.$executeRawUnsafe("TRUNCATE exercise_attempt");
  await prisma.$executeRaw`
    INSERT INTO exercise_attempt (id, "userId", "exerciseSlug", seed, answers, steps, score, correct, misconceptions, backend, "gradingMs",
      "afterReveal", "createdAt")
    SELECT gen_random_uuid(), 'bench-' || (g % ${LEARNERS}), (${slugs}::text[])[1 + g % ${slugs.length}], (g / 7) % 50, '{}',
      jsonb_build_array(
        jsonb_build_object('step', 'exponentials', 'score', 1, 'correct', g % 10 < 7, 'expected', jsonb_build_array(7.389, 1.649, 0, 0, 0),
          'parsed', jsonb_build_object('ok', true, 'kind', 'vector', 'values', jsonb_build_array(g, 1.6487, 4.4817, 1.6487, 1.6487), 'notes', '[]'::jsonb),
          'feedback', 'You ran softmax over every position and then zeroed the future weights, so the row no longer sums to 1. ' || g),
        jsonb_build_object('step', 'weights', 'score', 1, 'correct', g % 10 < 6, 'expected', jsonb_build_array(0.818, 0.182, 0, 0, 0),
          'parsed', jsonb_build_object('ok', true, 'kind', 'vector', 'values', jsonb_build_array(0.43, 0.09, g, 0, 0), 'notes', '[]'::jsonb),
          'feedback', 'Right.')),
      0.5, g % 10 < 6,
      CASE g % 10 WHEN 7 THEN ARRAY['mask-after-softmax'] WHEN 8 THEN ARRAY['upper-triangle'] WHEN 9 THEN ARRAY['no-mask'] ELSE ARRAY[]::text[] END,
      'float64', 0.1, g % 13 = 0, now() - g * interval '1 minute'
    FROM generate_series(1, ${ATTEMPTS}) g`;
  await prisma.$executeRawUnsafe("VACUUM ANALYZE exercise_attempt");
}

async function time(prisma: PrismaClient): Promise<{ p50: number; p90: number }> {
  const runs = await timeRuns(RUNS, 3, () => loadExerciseStats(prisma, catalogue, SLUG));
  const { p50, p90 } = summarize(runs);
  return { p50, p90 };
}

async function main(cleanups: Cleanups) {
  note(`load average at the start ${loadAverage()}`);
  const { prisma } = await freshBenchDatabase(cleanups, { dataDir: DATA_DIR, seed: false, poolSize: 2 });
  await prisma.$executeRaw`
    INSERT INTO "user" (id, name, email, "updatedAt")
    SELECT 'bench-' || g, 'bench', 'bench-' || g || '@example.test', now() FROM generate_series(0, ${LEARNERS - 1}) g`;
  const everySlug = [...catalogue.gradableSlugs];
  const scenarios = [
    { name: `spread over ${everySlug.length} exercises and drawings`, slugs: everySlug },
    { name: "all at one exercise", slugs: [SLUG] },
  ];
  const rows: string[][] = [];
  for (const scenario of scenarios) {
    await fill(prisma, scenario.slugs);
    const [{ n } = { n: 0 }] = await prisma.$queryRaw<{ n: number }[]>`SELECT count(*)::int AS n FROM exercise_attempt WHERE "exerciseSlug" = ${SLUG}`;
    const indexed = await time(prisma);
    if (SHOW_PLANS) {
      const plan = await prisma.$queryRaw<{ "QUERY PLAN": string }[]>(Prisma.sql`EXPLAIN (ANALYZE, BUFFERS) ${exerciseStatsSql(SLUG)}`);
      console.log(plan.map((r) => r["QUERY PLAN"]).join("\n"));
    }
    await prisma.$executeRawUnsafe(`DROP INDEX "${INDEX}"`);
    await prisma.$executeRawUnsafe("ANALYZE exercise_attempt");
    const scan = await time(prisma);
    await prisma.$executeRawUnsafe(`CREATE INDEX "${INDEX}" ON exercise_attempt ("exerciseSlug", "userId", seed, "createdAt")`);
    await prisma.$executeRawUnsafe("ANALYZE exercise_attempt");
    rows.push([
      scenario.name,
      String(n),
      `${ms(indexed.p50)} / ${ms(indexed.p90)}`,
      `${ms(scan.p50)} / ${ms(scan.p90)}`,
      `${(scan.p50 / indexed.p50).toFixed(1)}×`,
    ]);
  }
  heading(`loadExerciseStats("${SLUG}"), ${ATTEMPTS.toLocaleString("en-US")} attempts by ${LEARNERS.toLocaleString("en-US")} learners, ${RUNS} runs`);
  console.log(table(["attempts in the table", "at the exercise", "indexed p50 / p90 ms", "no index p50 / p90 ms", "no index ÷ indexed (p50)"], rows));
  note(`load average at the end ${loadAverage()}`);
}

runBench(main);
