// Undo of a review: restores the card state stored with the log entry,
// deletes the entry and leaves a tombstone so a late retry of the same post
// is not recorded again. Card content is never touched.
import type { PrismaClient } from "../db/generated/client";
import type { Db } from "../db/client";
import { selectCardPlace } from "../data/card";
import { deleteCardStateIfVersion, selectOptionalCardState, updateCardStateIfVersion } from "../data/card-state";
import { deleteReviewLog, insertReviewUndo, selectOptionalLatestReviewLog, selectOptionalReviewLog, selectOptionalReviewUndo } from "../data/review-log";
import { lowerNewCursors } from "../data/enrollment";
import { fromStoredSnapshot } from "../data/state-snapshot";
import { withRetries } from "../data/write-conflict";
import { conflict, notFound } from "../errors/app-error";

export type UndoReviewResult = { reviewId: string; cardId: string; alreadyUndone: boolean };

/** Undoes the user's review `reviewId`, which must be the latest review of its card. Idempotent. */
export async function undoReview(prisma: PrismaClient, input: { userId: string; reviewId: string }, now: Date): Promise<UndoReviewResult> {
  return withRetries(() => prisma.$transaction((tx) => undoOnce(tx, input, now)));
}

async function undoOnce(tx: Db, { userId, reviewId }: { userId: string; reviewId: string }, now: Date): Promise<UndoReviewResult> {
  const log = await selectOptionalReviewLog(tx, reviewId);
  if (!log || log.userId !== userId) {
    const tombstone = await selectOptionalReviewUndo(tx, reviewId);
    if (tombstone && tombstone.userId === userId) return { reviewId, cardId: tombstone.cardId, alreadyUndone: true };
    throw notFound("Review");
  }
  const latest = await selectOptionalLatestReviewLog(tx, userId, log.cardId);
  if (latest && latest.id !== log.id) throw conflict("Only the most recent review of a card can be undone");

  const row = await selectOptionalCardState(tx, userId, log.cardId);
  if (!row || row.version !== log.stateVersionAfter) {
    throw conflict("This card was changed after that review, so the review can no longer be undone");
  }
  const before = fromStoredSnapshot(log.stateBefore);
  const restored = before ? await updateCardStateIfVersion(tx, row.id, row.version, before, now) : await deleteCardStateIfVersion(tx, row.id, row.version);
  if (!restored) throw conflict("This card changed while undoing; try again");
  if (!before) {
    const card = await selectCardPlace(tx, log.cardId);
    await lowerNewCursors(tx, { moduleId: card.moduleId, userId }, card.position);
  }

  await deleteReviewLog(tx, log.id);
  await insertReviewUndo(tx, { id: log.id, userId, cardId: log.cardId, undoneAt: now });
  return { reviewId, cardId: log.cardId, alreadyUndone: false };
}
