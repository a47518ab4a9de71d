// Graded exercise attempts, as typed and as graded (per-step values, scores
// and feedback as JSON), in the order of exercise_attempt(userId, exerciseSlug, createdAt).
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
] as const satisfies readonly (keyof AttemptRow)[];

/** One page after the (exerciseSlug, createdAt, id) cursor; exported so a test can EXPLAIN it. */
export function attemptPageSql(userId: string, after: { slug: string; at: Date; id: string }, limit: number): Prisma.Sql {
  return Prisma.sql`
    SELECT id::text AS id, "exerciseSlug", seed, "createdAt", score, correct, misconceptions, answers, steps, backend, "gradingMs",
      "durationMs", "reviewLogId"::text AS "reviewLogId"
    FROM exercise_attempt
    WHERE "userId" = ${userId} AND ("exerciseSlug", "createdAt", id) > (${after.slug}, ${after.at}, ${after.id}::uuid)
    ORDER BY "exerciseSlug", "createdAt", id
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
