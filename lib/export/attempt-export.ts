// Graded exercise attempts, as typed and as graded (per-step values, scores
// and feedback as JSON), in the order of exercise_attempt(userId, exerciseSlug, createdAt).
import type { Db } from "../db/client";
import { Prisma } from "../db/generated/client";
import { START_AT, START_ID, keysetPages, type ExportKind } from "./export-kind";

type AttemptRow = {
  id: string;
  exerciseSlug: string;
  seed: number;
  createdAt: Date;
  score: number;
  correct: boolean;
  misconceptions: string[];
  answers: { readonly [key: string]: unknown };
  steps: { readonly [key: string]: unknown };
  backend: string;
  gradingMs: number;
  durationMs: number | null;
  reviewLogId: string | null;
};

const COLUMNS = [
  "id", "exerciseSlug", "seed", "createdAt", "score", "correct", "misconceptions", "answers", "steps", "backend",
  "gradingMs", "durationMs", "reviewLogId",
] as const satisfies readonly (keyof AttemptRow)[];

/** One page after the (exerciseSlug, createdAt, id) cursor; exported so a test can EXPLAIN it. */
export function attemptPageSql(userId: string, after: { slug: string; at: Date; id: string }, limit: number): Prisma.Sql {
  return Prisma.sql`
    SELECT id, "exerciseSlug", seed, "createdAt", score, correct, misconceptions, answers, steps, backend, "gradingMs",
      "durationMs", "reviewLogId"
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
      (after) => db.$queryRaw<AttemptRow[]>(attemptPageSql(userId, after, pageSize)),
      (last) => ({ slug: last.exerciseSlug, at: last.createdAt, id: last.id }),
    ),
};
