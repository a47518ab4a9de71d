// A card's memory state recomputed from its own review log under the weights
// now in use: the log is replayed through the scheduler's FSRS path
// (memory-replay.ts), as if every review had happened under today's settings.
import { isRating, type FsrsStateName } from "../scheduling";
import type { MemoryReplayReview } from "../scheduling/memory-replay";

/** The review_log columns a replay needs (`state` is the card's state before the review). */
export type LoggedReview = { rating: number; state: FsrsStateName; reviewedAt: Date };

/** Stability (days) and difficulty (1–10). */
export type MemoryState = { stability: number; difficulty: number };

/**
 * The memory state `reviews` (one card's log, in time order) give under the
 * replayer's settings, or null when the log cannot be trusted to describe the
 * card: it does not start at the card's first sight (a review of a NEW card),
 * holds a rating outside 1–4 or two reviews at one instant, or its last review
 * is not the card's `lastReview` (the state came from somewhere else). A later
 * review of a NEW card (the card was reset) starts the history afresh.
 * Callers keep the stored state when this is null.
 */
export function memoryStateFromLog(
  replay: (reviews: readonly MemoryReplayReview[]) => MemoryState | null,
  reviews: readonly LoggedReview[],
  lastReview: Date,
): MemoryState | null {
  let start = -1;
  for (let i = reviews.length - 1; i >= 0; i -= 1) {
    if (reviews[i]?.state === "NEW") {
      start = i;
      break;
    }
  }
  if (start < 0) return null;
  const events: MemoryReplayReview[] = [];
  let last = -Infinity;
  for (const review of reviews.slice(start)) {
    const at = review.reviewedAt.getTime();
    if (!isRating(review.rating) || !(at > last)) return null;
    last = at;
    events.push({ rating: review.rating, at: review.reviewedAt });
  }
  if (last !== lastReview.getTime()) return null;
  return replay(events);
}
