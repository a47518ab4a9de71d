// Replaying a review history kept elsewhere (an Anki collection) through our
// own scheduler, so an imported card carries the FSRS state our app would have
// given it had every review happened here.
import { ratingApplier, type RatingApplier } from "./scheduler";
import type { SchedulerSettings } from "./settings";
import type { Rating, ReviewLogFields, SchedulingState } from "./types";

/** One event of a foreign history: a rated review, or the card being reset to new. */
export type ReplayEvent = { kind: "review"; rating: Rating; at: Date; durationMs: number | null } | { kind: "forget"; at: Date };

/** One replayed review: the log fields our review log keeps, and the state on either side. */
export type ReplayedReview = {
  log: ReviewLogFields;
  /** The state going into the review; `null` when the card was new (or had just been reset). */
  before: SchedulingState | null;
  after: SchedulingState;
  durationMs: number | null;
};

/** The outcome of a replay: the card's final state (`null`: still new) and one row per rated review. */
export type ReplayResult = { state: SchedulingState | null; reviews: ReplayedReview[] };

/**
 * Applies `events` in order through `applyRating`'s code path (fuzz, seed,
 * learning steps: what a review posted to the app does) under `settings`.
 * A "forget" makes the card new again: later reviews start from an empty card,
 * earlier ones stay in the returned log. Pure.
 *
 * Precondition: `events` are sorted by `at`, strictly increasing (a history in
 * another order is not one a learner could have produced); otherwise this
 * throws a RangeError. Throws RangeError when `settings` are out of range.
 */
export function replayReviews(events: readonly ReplayEvent[], settings: SchedulerSettings): ReplayResult {
  return historyReplayer(settings)(events);
}

/** `replayReviews` bound to `settings`, for many cards: the scheduler is built once (see `ratingApplier`). */
export function historyReplayer(settings: SchedulerSettings): (events: readonly ReplayEvent[]) => ReplayResult {
  const apply = ratingApplier(settings);
  return (events) => replayWith(apply, events);
}

function replayWith(apply: RatingApplier, events: readonly ReplayEvent[]): ReplayResult {
  let state: SchedulingState | null = null;
  let last = -Infinity;
  const reviews: ReplayedReview[] = [];
  for (const event of events) {
    const at = event.at.getTime();
    if (!(at > last)) throw new RangeError("replayReviews: events must be in strictly increasing time order");
    last = at;
    if (event.kind === "forget") {
      state = null;
      continue;
    }
    const { next, log } = apply(state, event.rating, event.at);
    reviews.push({ log, before: state, after: next, durationMs: event.durationMs });
    state = next;
  }
  return { state, reviews };
}
