// Making a card due now in the daily queue after a failed grill question.
//
// A card with a state row keeps all its memory fields; only `due` moves to
// now, written with the same compare-and-set on `version` that reviews use
// (and the same retry helper), so a review landing in between is never
// overwritten: the loser reads the new row and tries again.
//
// A card with no row is new to the learner, and the queue only offers new
// cards in module order up to the daily limit (a NEW row is not queued at
// all). So the requeue stores the state FSRS gives a new card failed on its
// first recall (Again: learning, first step) with `due` now: the card is in
// today's learning pile and its next review is an ordinary learning review.
// No review log is written: the grill is not a review.
import type { Db } from "../db/client";
import { insertCardStateIfAbsent, selectOptionalCardState, updateCardStateIfVersion } from "../data/card-state";
import { StaleStateError, withRetries } from "../data/write-conflict";
import { applyRating, RATING, type SchedulerSettings } from "../scheduling";

export type RequeueOutcome = "requeued" | "already-due" | "suspended";

/**
 * Makes the user's card due at `now`. Suspended cards (leeches) stay
 * suspended. Throws after 5 lost races in a row (the caller's transaction
 * rolls back and nothing is half-done).
 */
export async function requeueCard(db: Db, userId: string, cardId: string, now: Date, settings: SchedulerSettings): Promise<RequeueOutcome> {
  return withRetries(() => requeueOnce(db, userId, cardId, now, settings));
}

async function requeueOnce(db: Db, userId: string, cardId: string, now: Date, settings: SchedulerSettings): Promise<RequeueOutcome> {
  const row = await selectOptionalCardState(db, userId, cardId);
  if (!row) {
    const { next } = applyRating(null, RATING.again, now, settings);
    if (await insertCardStateIfAbsent(db, { userId, cardId }, { ...next, due: now, isLeech: false, suspendedAt: null }, now)) return "requeued";
    throw new StaleStateError();
  }
  if (row.suspendedAt) return "suspended";
  if (row.due.getTime() <= now.getTime()) return "already-due";
  const { id, userId: _user, cardId: _card, version, createdAt: _created, updatedAt: _updated, ...columns } = row;
  if (await updateCardStateIfVersion(db, id, version, { ...columns, due: now }, now)) return "requeued";
  throw new StaleStateError();
}
