// The review log in the revlog CSV the FSRS optimizer tools read (fsrs-rs's
// converter, the Python FSRS-Optimizer, the binding's convertCsvToFsrsItems):
// card_id, review_time (ms since the epoch), review_rating (1–4),
// review_state (the card's state before the review: 0 new, 1 learning,
// 2 review, 3 relearning) and review_duration (ms). The converter parses
// review_duration as an integer and refuses an empty field, so a review sent
// without a duration is written as 0, as Anki writes a review it did not time.
import { z } from "zod";
import type { Db } from "../db/client";
import { DateColumn, queryRows } from "../db/rows";
import { FSRS_STATE_NAMES, type FsrsStateName } from "../scheduling";
import { START_AT, START_ID, keysetPages, type ExportKind } from "./export-kind";
import { reviewPageSql } from "./review-export";

const RevlogSourceSchema = z.object({
  id: z.string(),
  cardId: z.string(),
  reviewedAt: DateColumn,
  rating: z.number().int(),
  state: z.enum(FSRS_STATE_NAMES),
  durationMs: z.number().int().nullable(),
});
type RevlogSource = z.infer<typeof RevlogSourceSchema>;

const STATE_NUMBER: Record<FsrsStateName, number> = { NEW: 0, LEARNING: 1, REVIEW: 2, RELEARNING: 3 };

const COLUMNS = ["card_id", "review_time", "review_rating", "review_state", "review_duration"] as const;

/** One review_log row as a revlog record (see the header of this file for each field). */
export function toRevlogRecord(row: Pick<RevlogSource, "cardId" | "reviewedAt" | "rating" | "state" | "durationMs">) {
  return {
    card_id: row.cardId,
    review_time: row.reviewedAt.getTime(),
    review_rating: row.rating,
    review_state: STATE_NUMBER[row.state],
    review_duration: row.durationMs ?? 0,
  };
}

export const REVLOG_EXPORT: ExportKind = {
  name: "revlog",
  columns: COLUMNS,
  pages: async function* (db: Db, userId: string, pageSize: number) {
    const pages = keysetPages(
      { at: START_AT, id: START_ID },
      pageSize,
      (after) => queryRows(db, RevlogSourceSchema, reviewPageSql(userId, after, pageSize), "reviewPageSql"),
      (last) => ({ at: last.reviewedAt, id: last.id }),
    );
    for await (const rows of pages) yield rows.map(toRevlogRecord);
  },
};
