// Graded exercise attempts, as typed and as graded (per-step values, scores
// and feedback as JSON), in the order of exercise_attempt(userId, exerciseSlug, createdAt).
// A variant whose answers are still hidden (lib/attempts/variant-rule.ts)
// exports its steps without the expected values and distances, as the API
// shows them.
import { z } from "zod";
import type { Db } from "../db/client";
import { Prisma } from "../db/generated/client";
import { DateColumn, queryRows } from "../db/rows";
import { START_AT, START_ID, keysetPages, type ExportKind } from "./export-kind";

/** Exported as stored: the JSON columns pass through whatever kind of attempt wrote them. */
const AttemptRowSchema = z.object({
  id: z.string(),
  exerciseSlug: z.string(),
  seed: z.number().int(),
  createdAt: DateColumn,
  score: z.number(),
  correct: z.boolean(),
  misconceptions: z.array(z.string()),
  answers: z.union([z.record(z.string(), z.json()), z.array(z.json())]),
  steps: z.union([z.record(z.string(), z.json()), z.array(z.json())]),
  backend: z.string(),
  gradingMs: z.number(),
  durationMs: z.number().int().nullable(),
  reviewLogId: z.string().nullable(),
  afterReveal: z.boolean(),
});
type AttemptRow = z.infer<typeof AttemptRowSchema>;

const COLUMNS = [
  "id",
  "exerciseSlug",
  "seed",
  "createdAt",
  "score",
  "correct",
  "misconceptions",
  "answers",
  "steps",
  "backend",
  "gradingMs",
  "durationMs",
  "reviewLogId",
  "afterReveal",
] as const satisfies readonly (keyof AttemptRow)[];

/** One page after the (exerciseSlug, createdAt, id) cursor; exported so a test can EXPLAIN it. */
export function attemptPageSql(userId: string, after: { slug: string; at: Date; id: string }, limit: number): Prisma.Sql {
  return Prisma.sql`
    SELECT a.id::text AS id, a."exerciseSlug", a.seed, a."createdAt", a.score, a.correct, a.misconceptions, a.answers,
      CASE WHEN v."userId" IS NOT NULL AND v."revealedAt" IS NULL AND jsonb_typeof(a.steps) = 'array'
        THEN (SELECT coalesce(jsonb_agg(s - 'expected' - 'off' ORDER BY i), '[]'::jsonb) FROM jsonb_array_elements(a.steps) WITH ORDINALITY AS e(s, i))
        ELSE a.steps END AS steps,
      a.backend, a."gradingMs", a."durationMs", a."reviewLogId"::text AS "reviewLogId", a."afterReveal"
    FROM exercise_attempt a
    LEFT JOIN exercise_variant v ON v."userId" = a."userId" AND v."exerciseSlug" = a."exerciseSlug" AND v.seed = a.seed
    WHERE a."userId" = ${userId} AND (a."exerciseSlug", a."createdAt", a.id) > (${after.slug}, ${after.at}, ${after.id}::uuid)
    ORDER BY a."exerciseSlug", a."createdAt", a.id
    LIMIT ${limit}`;
}

export const ATTEMPT_EXPORT: ExportKind = {
  name: "attempts",
  columns: COLUMNS,
  pages: (db: Db, userId: string, pageSize: number) =>
    keysetPages(
      { slug: "", at: START_AT, id: START_ID },
      pageSize,
      (after) => queryRows(db, AttemptRowSchema, attemptPageSql(userId, after, pageSize), "attemptPageSql"),
      (last) => ({ slug: last.exerciseSlug, at: last.createdAt, id: last.id }),
    ),
};
