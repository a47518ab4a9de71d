// Data access for the per-learner tallies behind an exercise's figures across
// learners (exercise_tally, exercise_step_tally, exercise_mistake_tally): each
// attempt is added to its learner's rows by the statement that stores it
// (lib/data/exercise-attempt.ts), so the figures read one row per learner (and
// step, or mistake) instead of every attempt and its JSON steps. The rows go
// with their learner (ON DELETE CASCADE), as the attempts do.
import type { Db } from "../db/client";
import { Prisma } from "../db/generated/client";
import { inTransaction } from "../db/in-transaction";

/** The columns of an attempt the tallies read: what an insert that is tallied must return. */
export const TALLIED_COLUMNS = Prisma.sql`id, "exerciseSlug", "userId", seed, "createdAt", correct, "afterReveal", misconceptions, steps`;

/**
 * Adds each attempt of the CTE `a` (TALLIED_COLUMNS plus `first`) to the
 * tallies, and selects how many were added. Numeric steps are keyed `step`,
 * drawing items `key`; only attempts made before a reveal count for steps.
 */
const TALLY_FROM_A = Prisma.sql`
    tally AS (
      INSERT INTO exercise_tally AS t ("exerciseSlug", "userId", attempts, "afterReveal", "firstTries", "firstTryPasses")
      SELECT "exerciseSlug", "userId", count(*), count(*) FILTER (WHERE "afterReveal"), count(*) FILTER (WHERE first AND NOT "afterReveal"),
        count(*) FILTER (WHERE first AND correct AND NOT "afterReveal")
      FROM a GROUP BY 1, 2
      ON CONFLICT ("exerciseSlug", "userId") DO UPDATE SET attempts = t.attempts + excluded.attempts, "afterReveal" = t."afterReveal" + excluded."afterReveal",
        "firstTries" = t."firstTries" + excluded."firstTries", "firstTryPasses" = t."firstTryPasses" + excluded."firstTryPasses"
    ), steps AS (
      INSERT INTO exercise_step_tally AS t ("exerciseSlug", "userId", step, label, tried, "right")
      SELECT a."exerciseSlug", a."userId", coalesce(s.step, s.key), max(s.label), count(*), count(*) FILTER (WHERE s.correct)
      FROM a CROSS JOIN LATERAL jsonb_to_recordset(CASE WHEN jsonb_typeof(a.steps) = 'array' THEN a.steps ELSE '[]'::jsonb END)
        AS s(step text, key text, label text, correct boolean)
      WHERE NOT a."afterReveal" AND coalesce(s.step, s.key) IS NOT NULL GROUP BY 1, 2, 3
      ON CONFLICT ("exerciseSlug", "userId", step) DO UPDATE SET label = greatest(t.label, excluded.label), tried = t.tried + excluded.tried,
        "right" = t."right" + excluded."right"
    ), mistakes AS (
      INSERT INTO exercise_mistake_tally AS t ("exerciseSlug", "userId", code, attempts)
      SELECT a."exerciseSlug", a."userId", m.code, count(*) FROM a CROSS JOIN LATERAL unnest(a.misconceptions) AS m(code) GROUP BY 1, 2, 3
      ON CONFLICT ("exerciseSlug", "userId", code) DO UPDATE SET attempts = t.attempts + excluded.attempts
    )
    SELECT count(*)::int AS added FROM a`;

/**
 * `source`'s attempts (alias `n`, TALLIED_COLUMNS) with `first`: the first
 * attempt at a variant is the earliest by (createdAt, id), as the figures have
 * always counted it, among the stored attempts the statement sees.
 */
const withFirst = (source: Prisma.Sql): Prisma.Sql => Prisma.sql`
    a AS MATERIALIZED (
      SELECT ${TALLIED_COLUMNS}, NOT EXISTS (
          SELECT 1 FROM exercise_attempt o
          WHERE o."exerciseSlug" = n."exerciseSlug" AND o."userId" = n."userId" AND o.seed = n.seed AND (o."createdAt", o.id) < (n."createdAt", n.id)
        ) AS first
      FROM ${source} n
    )`;

/**
 * `insert` (an INSERT into exercise_attempt … RETURNING TALLIED_COLUMNS) and
 * the tally of what it inserted, as one statement: nothing is tallied when it
 * inserts nothing. Its `first` check sees the attempts stored before the
 * statement, not the new row (sibling CTEs share one snapshot), which is the
 * right set: callers hold the variant's lock, so two first attempts cannot race.
 * The migration that made the tables runs the same tally over every attempt.
 */
export function insertAndTallySql(insert: Prisma.Sql): Prisma.Sql {
  return Prisma.sql`WITH inserted AS (${insert}), ${withFirst(Prisma.sql`inserted`)}, ${TALLY_FROM_A}`;
}

/**
 * Recounts every tally from the stored attempts, in one transaction: for
 * attempts written around insertAndTallySql, as a benchmark's bulk fill does.
 */
export async function rebuildExerciseTallies(db: Db): Promise<void> {
  await inTransaction(db, async (tx) => {
    await tx.$executeRaw`TRUNCATE exercise_tally, exercise_step_tally, exercise_mistake_tally`;
    await tx.$queryRaw(Prisma.sql`WITH ${withFirst(Prisma.sql`exercise_attempt`)}, ${TALLY_FROM_A}`);
  });
}
