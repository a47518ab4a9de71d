import { createFsrs, forgettingCurveOf, fromFsrsCard, fuzzSeed, toFsrsCard, toFsrsReviewLog, toGrade, toReviewLogFields } from "./fsrs-adapter";
import { formatInterval } from "./interval-label";
import { DEFAULT_SCHEDULER_SETTINGS, type SchedulerSettings } from "./settings";
import { RATINGS, type Rating, type ReviewLogFields, type SchedulingState } from "./types";

export type { SchedulerSettings } from "./settings";

/** What one rating button would do: the resulting state, its due instant and a label. */
export type RatingPreview = {
  rating: Rating;
  /** When the card would come due again. */
  due: Date;
  /** `due − now` as a short label ("1m", "10m", "1d", "3.2mo", "1.1y"). */
  intervalLabel: string;
  /** The state `applyRating` would store for this rating. */
  next: SchedulingState;
};

/** The outcome of one review: the state to store and the review-log fields to append. */
export type AppliedRating = { next: SchedulingState; log: ReviewLogFields };

/**
 * The four outcomes of reviewing a card at `now`, Again → Easy, for labelling
 * the rating buttons. `state` is `null` for a new card. Pure: the same
 * (state, now, settings) always give the same previews, and each equals what
 * `applyRating` returns for that rating at the same `now`, fuzz included.
 * Throws `RangeError` when `settings` is outside `SchedulerSettingsSchema`.
 */
export function previewRatings(state: SchedulingState | null, now: Date, settings: SchedulerSettings): RatingPreview[] {
  return ratingPreviewer(settings)(state, now);
}

/** `previewRatings` for many cards under one `settings`. */
export type RatingPreviewer = (state: SchedulingState | null, now: Date) => RatingPreview[];

/**
 * `previewRatings` bound to `settings`, for previewing many cards (a queue of
 * 100): the ts-fsrs scheduler is built once, and each call sets its fuzz seed
 * right before the synchronous `repeat`, so every result equals
 * `previewRatings(state, now, settings)`. Throws `RangeError` when `settings`
 * is outside `SchedulerSettingsSchema`.
 */
export function ratingPreviewer(settings: SchedulerSettings): RatingPreviewer {
  let seed = "";
  const scheduler = createFsrs(settings, () => seed);
  return (state, now) => {
    seed = fuzzSeed(state, now);
    const preview = scheduler.repeat(toFsrsCard(state, now), now);
    return RATINGS.map((rating) => {
      const next = fromFsrsCard(preview[toGrade(rating)].card);
      return { rating, due: next.due, intervalLabel: formatInterval(next.due.getTime() - now.getTime()), next };
    });
  };
}

/**
 * Reviews a card with `rating` at `now` (the server's clock): the state to
 * store and the log fields to append. `state` is `null` for a new card.
 *
 * Fuzz is on: review intervals of 3 days or more are spread over a small
 * range so cards learned together drift apart. The fuzz is seeded from the
 * review instant, the review count and the memory state (`fuzzSeed`), so the
 * result is a pure function of (state, rating, now, settings): the same inputs
 * give the same output on any machine, and nothing reads the clock or
 * `Math.random`. Throws `RangeError` when `settings` is outside
 * `SchedulerSettingsSchema`.
 */
export function applyRating(state: SchedulingState | null, rating: Rating, now: Date, settings: SchedulerSettings): AppliedRating {
  return ratingApplier(settings)(state, rating, now);
}

/** `applyRating` for many reviews under one `settings`. */
export type RatingApplier = (state: SchedulingState | null, rating: Rating, now: Date) => AppliedRating;

/**
 * `applyRating` bound to `settings`, for replaying many reviews (an imported
 * history): the ts-fsrs scheduler is built once and its fuzz seed set right
 * before each synchronous `next`, so every result equals
 * `applyRating(state, rating, now, settings)`. Throws `RangeError` when
 * `settings` is outside `SchedulerSettingsSchema`.
 */
export function ratingApplier(settings: SchedulerSettings): RatingApplier {
  let seed = "";
  const scheduler = createFsrs(settings, () => seed);
  return (state, rating, now) => {
    seed = fuzzSeed(state, now);
    const item = scheduler.next(toFsrsCard(state, now), now, toGrade(rating));
    return { next: fromFsrsCard(item.card), log: toReviewLogFields(item.log) };
  };
}

/**
 * Undoes the review `log` on `current` with ts-fsrs's `rollback`: the state
 * before that review, or `null` when the card was new (delete its row).
 *
 * Precondition: `log` is `current`'s latest review (`current.lastReview`
 * equals `log.reviewedAt`); otherwise this throws, since rolling back any
 * other review would produce a state that never existed.
 *
 * Exact for every field but one: rollback cannot know the previous `due` of a
 * card that had been reviewed before, and sets it to `log.reviewedAt` (the card
 * is due again at once). Where the stored `stateBefore` snapshot is at hand,
 * prefer `restoreStateSnapshot`, which is exact.
 */
export function undoRating(current: SchedulingState, log: ReviewLogFields): SchedulingState | null {
  if (current.lastReview?.getTime() !== log.reviewedAt.getTime()) {
    throw new Error("undoRating: the log is not the card's latest review");
  }
  if (log.state === "NEW") return null;
  const scheduler = createFsrs(DEFAULT_SCHEDULER_SETTINGS, fuzzSeed(current, log.reviewedAt));
  return fromFsrsCard(scheduler.rollback(toFsrsCard(current, log.reviewedAt), toFsrsReviewLog(log)));
}

/**
 * The probability (0–1) of recalling a reviewed card at `now` on its forgetting
 * curve (FSRS's retrievability, from its stability and the time since its last
 * review, with the user's weights). Null for a card never reviewed.
 */
export function retrievabilityAt(state: SchedulingState | null, now: Date, settings: SchedulerSettings): number | null {
  if (state === null || state.state === "NEW" || state.lastReview === null) return null;
  return createFsrs(settings, "", { fuzz: false }).get_retrievability(toFsrsCard(state, now), now, false);
}

/**
 * FSRS's forgetting curve under `settings`' weights: the probability (0–1) of
 * recalling a card `elapsedDays` (≥ 0, fractional) after its last review at
 * `stability` days. The function `retrievabilityAt` uses, without building a
 * card, for callers that ask it millions of times (the workload simulator).
 */
export function forgettingCurve(settings: SchedulerSettings): (elapsedDays: number, stability: number) => number {
  return forgettingCurveOf(settings);
}
