// Making a card due now in the daily queue after a failed grill question.
//
// A card with a state row keeps all its memory fields; only `due` moves to
// now, written with the same compare-and-set on `version` that reviews use, so
// a review landing in between is never overwritten: the loser reads the new
// row and tries again.
//
// A card with no row is new to the learner, and the queue only offers new
// cards in module order up to the daily limit (a NEW row is not queued at
// all). So the requeue stores the state FSRS gives a new card failed on its
// first recall (Again: learning, first step) with `due` now: the card is in
// today's learning pile and its next review is an ordinary learning review.
// No review log is written: the grill is not a review.
import type { Db } from "../db/client";
import { selectOptionalCardState, updateCardStateIfVersion } from "../data/card-state";
import { applyRating, RATING, type SchedulerSettings } from "../scheduling";

const MAX_TRIES = 5;

export type RequeueOutcome = "requeued" | "already-due" | "suspended";

/**
 * Makes the user's card due at `now`. Suspended cards (leeches) stay
 * suspended. Throws after 5 lost races in a row (the caller's transaction
 * rolls back and nothing is half-done).
 */
export async function requeueCard(db: Db, userId: string, cardId: string, now: Date, settings: SchedulerSettings): Promise<RequeueOutcome> {
  for (let attempt = 0; attempt < MAX_TRIES; attempt++) {
    const row = await selectOptionalCardState(db, userId, cardId);
    if (!row) {
      const { next } = applyRating(null, RATING.again, now, settings);
      const { count } = await db.cardState.createMany({
        data: [{ ...next, userId, cardId, due: now, version: 1 }],
        skipDuplicates: true,
      });
      if (count === 1) return "requeued";
      continue;
    }
    if (row.suspendedAt) return "suspended";
    if (row.due.getTime() <= now.getTime()) return "already-due";
    const { id, userId: _user, cardId: _card, version, createdAt: _created, updatedAt: _updated, ...columns } = row;
    if (await updateCardStateIfVersion(db, id, version, { ...columns, due: now })) return "requeued";
  }
  throw new Error("requeueCard: the card's state kept changing");
}
