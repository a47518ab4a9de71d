// The review log as exported: every field the FSRS optimizer reads (card id,
// review time, rating, the state before the review, elapsed and scheduled
// days, duration) plus the memory state going into the review.
import { z } from "zod";
import type { Db } from "../db/client";
import { Prisma } from "../db/generated/client";
import { DateColumn, queryRows } from "../db/rows";
import { START_AT, START_ID, keysetPages, type ExportKind } from "./export-kind";

const ReviewRowSchema = z.object({
  id: z.string(),
  cardId: z.string(),
  reviewedAt: DateColumn,
  rating: z.number().int(),
  state: z.string(),
  elapsedDays: z.number().int(),
  lastElapsedDays: z.number().int(),
  scheduledDays: z.number().int(),
  learningSteps: z.number().int(),
  stability: z.number(),
  difficulty: z.number(),
  due: DateColumn,
  durationMs: z.number().int().nullable(),
});
type ReviewRow = z.infer<typeof ReviewRowSchema>;

const COLUMNS = [
  "id",
  "cardId",
  "reviewedAt",
  "rating",
  "state",
  "elapsedDays",
  "lastElapsedDays",
  "scheduledDays",
  "learningSteps",
  "stability",
  "difficulty",
  "due",
  "durationMs",
] as const satisfies readonly (keyof ReviewRow)[];

/**
 * One page of the user's review log after the cursor, in (reviewedAt, id)
 * order: a range scan of review_log(userId, reviewedAt). Exported so a test
 * can EXPLAIN it.
 */
export function reviewPageSql(userId: string, after: { at: Date; id: string }, limit: number): Prisma.Sql {
  return Prisma.sql`
    SELECT id::text AS id, "cardId"::text AS "cardId", "reviewedAt", rating, state::text AS state, "elapsedDays", "lastElapsedDays", "scheduledDays",
      "learningSteps", stability, difficulty, due, "durationMs"
    FROM review_log
    WHERE "userId" = ${userId} AND ("reviewedAt", id) > (${after.at}, ${after.id}::uuid)
    ORDER BY "reviewedAt", id
    LIMIT ${limit}`;
}

export const REVIEW_EXPORT: ExportKind = {
  name: "reviews",
  columns: COLUMNS,
  pages: (db: Db, userId: string, pageSize: number) =>
    keysetPages(
      { at: START_AT, id: START_ID },
      pageSize,
      (after) => queryRows(db, ReviewRowSchema, reviewPageSql(userId, after, pageSize), "reviewPageSql"),
      (last) => ({ at: last.reviewedAt, id: last.id }),
    ),
};
