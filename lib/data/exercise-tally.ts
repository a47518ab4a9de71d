// Data access for the per-learner tallies behind an exercise's figures across
// learners (exercise_tally, exercise_step_tally, exercise_mistake_tally): each
// stored attempt is added to its learner's rows in the transaction that
// stores it, so the figures read one row per learner (and step, or mistake)
// instead of every attempt and its JSON steps. The rows go with their learner
// (ON DELETE CASCADE), as the attempts do.
import type { Db } from "../db/client";
import { Prisma } from "../db/generated/client";
import { inTransaction } from "../db/in-transaction";

/**
 * Adds the attempts `where` selects (alias `a` on exercise_attempt) to the
 * tallies. The first attempt at a variant is the earliest by (createdAt, id),
 * as the figures have always counted it; an attempt added on its own is first
 * when no earlier one at its variant is stored (callers hold the variant's
 * lock, so two first attempts cannot race). Numeric steps are keyed `step`,
 * drawing items `key`; only attempts made before a reveal count for steps.
 * The migration that made the tables runs the same statement over every attempt.
 */
function tallySql(where: Prisma.Sql): Prisma.Sql {
  return Prisma.sql`
    WITH a AS MATERIALIZED (
      SELECT a."exerciseSlug", a."userId", a.correct, a."afterReveal", a.misconceptions, a.steps,
        NOT EXISTS (
          SELECT 1 FROM exercise_attempt o
          WHERE o."exerciseSlug" = a."exerciseSlug" AND o."userId" = a."userId" AND o.seed = a.seed AND (o."createdAt", o.id) < (a."createdAt", a.id)
        ) AS first
      FROM exercise_attempt a WHERE ${where}
    ), tally AS (
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
}

/** The statement that tallies one attempt; exported so a test can EXPLAIN it. */
export const tallyAttemptSql = (attemptId: string): Prisma.Sql => tallySql(Prisma.sql`a.id = ${attemptId}::uuid`);

/** Adds the stored attempt `attemptId` to its learner's tallies; run in the transaction that stored it, once per attempt. */
export async function tallyAttempt(db: Db, attemptId: string): Promise<void> {
  await db.$queryRaw(tallyAttemptSql(attemptId));
}

/**
 * Recounts every tally from the stored attempts, in one transaction: for
 * attempts written around tallyAttempt, as a benchmark's bulk fill does.
 */
export async function rebuildExerciseTallies(db: Db): Promise<void> {
  await inTransaction(db, async (tx) => {
    await tx.$executeRaw`TRUNCATE exercise_tally, exercise_step_tally, exercise_mistake_tally`;
    await tx.$queryRaw(tallySql(Prisma.sql`TRUE`));
  });
}
