// Data access for review_log (append-only; rows leave only through undo).
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
