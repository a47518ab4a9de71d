import {
  createFsrs,
  forgettingCurveOf,
  fromFsrsCard,
  fuzzSeed,
  toFsrsCard,
  toFsrsReviewLog,
  toGrade,
  toReviewLogFields,
  type IntervalPicker,
} from "./fsrs-adapter";
import { formatInterval } from "./interval-label";
import { balancedInterval, balancedRange, mergeDayRanges, type Balancing, type DayRange } from "./load-balancer";
import { DEFAULT_SCHEDULER_SETTINGS, type SchedulerSettings } from "./settings";
import { addStudyDays, toStudyTime } from "./study-time";
import { RATINGS, type Rating, type ReviewLogFields, type SchedulingState } from "./types";

export type { SchedulerSettings } from "./settings";

const DAY_MS = 86_400_000;

/** What one rating button would do: the resulting state, its due instant and a label. */
export type RatingPreview = {
  rating: Rating;
  /** When the card would come due again. */
  due: Date;
  /** The interval as a short label ("1m", "10m", "1d", "3.2mo", "1.1y"): `due − now`, in study days for whole days. */
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
export function previewRatings(state: SchedulingState | null, now: Date, settings: SchedulerSettings, balancing?: Balancing): RatingPreview[] {
  return ratingPreviewer(settings, balancing)(state, now);
}

/** `previewRatings` for many cards under one `settings`. */
export type RatingPreviewer = (state: SchedulingState | null, now: Date) => RatingPreview[];

/**
 * `previewRatings` bound to `settings`, for previewing many cards (a queue of
 * 100): the ts-fsrs scheduler is built once, and each call sets its fuzz seed
 * right before the synchronous `repeat`, so every result equals
 * `previewRatings(state, now, settings, balancing)`. Throws `RangeError` when
 * `settings` is outside `SchedulerSettingsSchema`.
 */
export function ratingPreviewer(settings: SchedulerSettings, balancing?: Balancing): RatingPreviewer {
  let seed = "";
  const scheduler = createFsrs(settings, () => seed, { pickInterval: balancedPicker(settings, balancing, () => seed) });
  const clock = settings.studyClock;
  return (state, now) => {
    seed = fuzzSeed(state, now);
    const at = toStudyTime(now, clock);
    const preview = scheduler.repeat(toFsrsCard(inStudyTime(state, clock), at), at);
    return RATINGS.map((rating) => {
      const inStudyTime = fromFsrsCard(preview[toGrade(rating)].card);
      const next = fromStudyTime(inStudyTime, at, now, clock);
      // Labelled in study time: a day is "1d" even when a DST change makes it 23 or 25 hours.
      return { rating, due: next.due, intervalLabel: formatInterval(inStudyTime.due.getTime() - at.getTime()), next };
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
export function applyRating(state: SchedulingState | null, rating: Rating, now: Date, settings: SchedulerSettings, balancing?: Balancing): AppliedRating {
  return ratingApplier(settings, balancing)(state, rating, now);
}

/** `applyRating` for many reviews under one `settings`. */
export type RatingApplier = (state: SchedulingState | null, rating: Rating, now: Date) => AppliedRating;

/**
 * `applyRating` bound to `settings`, for replaying many reviews (an imported
 * history): the ts-fsrs scheduler is built once and its fuzz seed set right
 * before each synchronous `next`, so every result equals
 * `applyRating(state, rating, now, settings, balancing)`. Throws `RangeError`
 * when `settings` is outside `SchedulerSettingsSchema`.
 */
export function ratingApplier(settings: SchedulerSettings, balancing?: Balancing): RatingApplier {
  let seed = "";
  const scheduler = createFsrs(settings, () => seed, { pickInterval: balancedPicker(settings, balancing, () => seed) });
  const clock = settings.studyClock;
  return (state, rating, now) => {
    seed = fuzzSeed(state, now);
    const at = toStudyTime(now, clock);
    const item = scheduler.next(toFsrsCard(inStudyTime(state, clock), at), at, toGrade(rating));
    const log = toReviewLogFields(item.log);
    const next = fromStudyTime(fromFsrsCard(item.card), at, now, clock);
    if (clock === undefined) return { next, log };
    // The log's instants are the real ones, not study time (see ReviewLogFields).
    const due = state === null ? now : (state.lastReview ?? state.due);
    return { next, log: { ...log, due: new Date(due.getTime()), reviewedAt: new Date(now.getTime()) } };
  };
}

/** The interval picker for `balancing` (none without it), drawing with the review's fuzz seed. */
function balancedPicker(settings: SchedulerSettings, balancing: Balancing | undefined, seed: () => string): IntervalPicker | undefined {
  if (!balancing) return undefined;
  return (interval, elapsedDays) => balancedInterval(interval, elapsedDays, settings.maximumIntervalDays, balancing, seed());
}

/**
 * The study days (offsets from the review's: 1 is the next) whose due counts
 * a balanced review of `state` at `now` may read: the fuzz range of every
 * interval the review computes (Hard, Good, Easy, or a graduation), merged,
 * or empty when none is balanced (learning steps, intervals under 2.5 or over
 * 90 days). The review path reads the counts of just these days before
 * calling `applyRating` with them; the ranges of Hard, Good and Easy are
 * usually apart, so reading them alone reads a third of their span.
 */
export function balancedDays(state: SchedulingState | null, now: Date, settings: SchedulerSettings): DayRange[] {
  return balancedDaysReader(settings)(state, now);
}

/** `balancedDays` bound to `settings`, for many cards (a queue): the ts-fsrs scheduler is built once. */
export function balancedDaysReader(settings: SchedulerSettings): (state: SchedulingState | null, now: Date) => DayRange[] {
  let ranges: DayRange[] = [];
  let seed = "";
  const record: IntervalPicker = (interval, elapsedDays) => {
    const range = balancedRange(interval, elapsedDays, settings.maximumIntervalDays);
    if (range) ranges.push(range);
    return null;
  };
  const scheduler = createFsrs(settings, () => seed, { pickInterval: record });
  const clock = settings.studyClock;
  return (state, now) => {
    ranges = [];
    seed = fuzzSeed(state, now);
    const at = toStudyTime(now, clock);
    scheduler.repeat(toFsrsCard(inStudyTime(state, clock), at), at);
    return mergeDayRanges(ranges);
  };
}

/**
 * The card's instants as study time (see study-time.ts): ts-fsrs then counts
 * the days since its last review in the learner's study days. Without a clock
 * the state is returned as it is.
 */
function inStudyTime(state: SchedulingState | null, clock: SchedulerSettings["studyClock"]): SchedulingState | null {
  if (state === null || clock === undefined) return state;
  return { ...state, due: toStudyTime(state.due, clock), lastReview: state.lastReview ? toStudyTime(state.lastReview, clock) : null };
}

/**
 * A state ts-fsrs computed at study time `at` back in real instants: it was
 * reviewed at `now`, and its due keeps its offset from the review: minutes
 * for a step, study days for whole days (a review interval, or a step of
 * whole days), so the card is due on the study day that many days after the
 * review's, at the review's wall-clock time (`addStudyDays`). The day itself
 * was picked within the fuzz range by ts-fsrs, or by the load balancer
 * (balancedPicker).
 */
function fromStudyTime(next: SchedulingState, at: Date, now: Date, clock: SchedulerSettings["studyClock"]): SchedulingState {
  if (at.getTime() === now.getTime()) return next;
  const offset = next.due.getTime() - at.getTime();
  const due = offset > 0 && offset % DAY_MS === 0 ? addStudyDays(now, offset / DAY_MS, clock) : new Date(now.getTime() + offset);
  return { ...next, due, lastReview: new Date(now.getTime()) };
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
