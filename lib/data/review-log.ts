// Data access for review_log (append-only; a row is written with its card
// state by writeReviewedState in card-state.ts, and leaves only through undo)
// and review_undo, the tombstones undo leaves so a late retry of an undone
// review is recognised.
import type { ReviewLog } from "../db/generated/client";
import type { Db } from "../db/client";

export type { ReviewLog };

export async function selectOptionalReviewLog(db: Db, id: string): Promise<ReviewLog | null> {
  return db.reviewLog.findUnique({ where: { id } });
}

/** The user's most recent review of a card, or null. */
export async function selectOptionalLatestReviewLog(db: Db, userId: string, cardId: string): Promise<ReviewLog | null> {
  return db.reviewLog.findFirst({ where: { userId, cardId }, orderBy: [{ reviewedAt: "desc" }, { createdAt: "desc" }] });
}

export async function deleteReviewLog(db: Db, id: string): Promise<void> {
  await db.reviewLog.delete({ where: { id } });
}

export type ReviewUndo = { id: string; userId: string; cardId: string; undoneAt: Date };

/** The tombstone of an undone review, or null. */
export async function selectOptionalReviewUndo(db: Db, id: string): Promise<ReviewUndo | null> {
  return db.reviewUndo.findUnique({ where: { id } });
}

/** Records that review `id` was undone at `now`. */
export async function insertReviewUndo(db: Db, undo: ReviewUndo): Promise<void> {
  await db.reviewUndo.create({ data: undo });
}

/** The user's latest `limit` reviews of a card, newest first. */
export async function selectCardReviewLogs(db: Db, userId: string, cardId: string, limit: number): Promise<ReviewLog[]> {
  return db.reviewLog.findMany({ where: { userId, cardId }, orderBy: [{ reviewedAt: "desc" }, { createdAt: "desc" }], take: limit });
}
