// npm run bench:exercise-stats — an exercise's figures across learners
// (lib/attempts/exercise-stats.ts) over 100,000 stored attempts by 2,000
// learners: spread over the catalogue's exercises as a class would leave them,
// and all at one exercise (the worst case). The attempts are written in bulk,
// then tallied at once (lib/data/exercise-tally.ts, as the migration does);
// the figures are timed, and so is storing one more attempt with its tally
// (one statement, in a transaction that is rolled back). `-- --plans` also prints EXPLAIN ANALYZE of each case.
import { randomUUID } from "node:crypto";
import { join } from "node:path";
import { catalogue } from "../exercises/catalogue";
import { exerciseStatsSql, loadExerciseStats } from "../lib/attempts/exercise-stats";
import { insertAttemptOnce, NumericAttemptJson, type AttemptKey } from "../lib/data/exercise-attempt";
import { rebuildExerciseTallies } from "../lib/data/exercise-tally";
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

async function time(work: () => Promise<unknown>): Promise<{ p50: number; p90: number }> {
  const { p50, p90 } = summarize(await timeRuns(RUNS, 3, work));
  return { p50, p90 };
}

const ROLLBACK = new Error("rolled back");

/** A wrong try at the measured exercise, as the grader stores one (two steps, one mistake). */
const ONE_MORE = {
  answers: { exponentials: "[7.389, 1.649, 0, 0, 0]", weights: "[0.43, 0.09, 0.48, 0, 0]" },
  steps: [
    { step: "exponentials", score: 1, correct: true, expected: [7.389, 1.649, 0, 0, 0], feedback: "Right." },
    { step: "weights", score: 0, correct: false, expected: [0.818, 0.182, 0, 0, 0], feedback: "The row no longer sums to 1." },
  ],
  score: 0.5,
  correct: false,
  misconceptions: ["mask-after-softmax"],
  backend: "float64",
  gradingMs: 0.1,
  durationMs: null,
  afterReveal: false,
};

/** Stores one more attempt at `variant` with its tally inside a transaction that is rolled back: the cost of an attempt's write. */
async function storeOnce(prisma: PrismaClient, variant: Omit<AttemptKey, "attemptId">): Promise<void> {
  await prisma
    .$transaction(async (tx) => {
      await insertAttemptOnce(tx, { ...variant, attemptId: randomUUID() }, ONE_MORE, NumericAttemptJson, new Date());
      throw ROLLBACK;
    })
    .catch((error: unknown) => {
      if (error !== ROLLBACK) throw error;
    });
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
    const started = performance.now();
    await rebuildExerciseTallies(prisma);
    const tallied = performance.now() - started;
    await prisma.$executeRawUnsafe("VACUUM ANALYZE exercise_tally, exercise_step_tally, exercise_mistake_tally");
    const figures = await time(() => loadExerciseStats(prisma, catalogue, SLUG));
    if (SHOW_PLANS) {
      const plan = await prisma.$queryRaw<{ "QUERY PLAN": string }[]>(Prisma.sql`EXPLAIN (ANALYZE, BUFFERS) ${exerciseStatsSql(SLUG)}`);
      console.log(plan.map((r) => r["QUERY PLAN"]).join("\n"));
    }
    const [latest] = await prisma.$queryRaw<
      { userId: string; seed: number }[]
    >`SELECT "userId", seed FROM exercise_attempt WHERE "exerciseSlug" = ${SLUG} ORDER BY "createdAt" DESC LIMIT 1`;
    if (!latest) throw new Error(`no attempt at ${SLUG}`);
    const oneMore = await time(() => storeOnce(prisma, { ...latest, slug: SLUG }));
    rows.push([scenario.name, String(n), `${ms(figures.p50)} / ${ms(figures.p90)}`, `${ms(oneMore.p50)} / ${ms(oneMore.p90)}`, ms(tallied)]);
  }
  heading(`loadExerciseStats("${SLUG}"), ${ATTEMPTS.toLocaleString("en-US")} attempts by ${LEARNERS.toLocaleString("en-US")} learners, ${RUNS} runs`);
  console.log(
    table(
      ["attempts in the table", "at the exercise", "figures p50 / p90 ms", "one more attempt stored and tallied p50 / p90 ms", "tally of all (migration) ms"],
      rows,
    ),
  );
  note(`load average at the end ${loadAverage()}`);
}

runBench(main);
