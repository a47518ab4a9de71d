// The one adapter between our row shapes and ts-fsrs's Card / ReviewLog.
// Every ts-fsrs quirk the rest of the app must not see is handled here.
import {
  type Card,
  type FSRS,
  type Grade,
  type ReviewLog,
  Rating as FsrsRating,
  State,
  StrategyMode,
  computeDecayFactor,
  createEmptyCard,
  default_w,
  fsrs,
} from "ts-fsrs";
import { assertSchedulerSettings, type SchedulerSettings } from "./settings";
import { toFsrsSteps } from "./steps";
import type { FsrsStateName, Rating, ReviewLogFields, SchedulingState } from "./types";

const STATE_TO_FSRS: Record<FsrsStateName, State> = {
  NEW: State.New,
  LEARNING: State.Learning,
  REVIEW: State.Review,
  RELEARNING: State.Relearning,
};

const STATE_FROM_FSRS: Record<State, FsrsStateName> = {
  [State.New]: "NEW",
  [State.Learning]: "LEARNING",
  [State.Review]: "REVIEW",
  [State.Relearning]: "RELEARNING",
};

const GRADE: Record<Rating, Grade> = {
  1: FsrsRating.Again,
  2: FsrsRating.Hard,
  3: FsrsRating.Good,
  4: FsrsRating.Easy,
};

const copyDate = (d: Date): Date => new Date(d.getTime());

/** Our rating → ts-fsrs's `Grade` enum (same numbers, different type). */
export function toGrade(rating: Rating): Grade {
  return GRADE[rating];
}

function toRating(rating: FsrsRating): Rating {
  if (rating === FsrsRating.Manual) throw new Error("Manual ratings are never produced by the scheduler");
  return rating;
}

/**
 * A state (or `null` for a new card) → a fresh ts-fsrs `Card`. A new card is
 * ts-fsrs's empty card due at `now`. Dates are copied: ts-fsrs hands input Date
 * objects straight back out, and callers must not end up sharing them.
 */
export function toFsrsCard(state: SchedulingState | null, now: Date): Card {
  if (state === null) return createEmptyCard(copyDate(now));
  return {
    due: copyDate(state.due),
    stability: state.stability,
    difficulty: state.difficulty,
    elapsed_days: state.elapsedDays,
    scheduled_days: state.scheduledDays,
    learning_steps: state.learningSteps,
    reps: state.reps,
    lapses: state.lapses,
    state: STATE_TO_FSRS[state.state],
    last_review: state.lastReview ? copyDate(state.lastReview) : undefined,
  };
}

/** A ts-fsrs `Card` → our state (`last_review` undefined → `lastReview: null`). */
export function fromFsrsCard(card: Card): SchedulingState {
  return {
    due: copyDate(card.due),
    stability: card.stability,
    difficulty: card.difficulty,
    elapsedDays: card.elapsed_days,
    scheduledDays: card.scheduled_days,
    learningSteps: card.learning_steps,
    reps: card.reps,
    lapses: card.lapses,
    state: STATE_FROM_FSRS[card.state],
    lastReview: card.last_review ? copyDate(card.last_review) : null,
  };
}

/** A ts-fsrs `ReviewLog` → our log fields (see `ReviewLogFields` for what each holds). */
export function toReviewLogFields(log: ReviewLog): ReviewLogFields {
  return {
    rating: toRating(log.rating),
    state: STATE_FROM_FSRS[log.state],
    due: copyDate(log.due),
    stability: log.stability,
    difficulty: log.difficulty,
    elapsedDays: log.elapsed_days,
    lastElapsedDays: log.last_elapsed_days,
    scheduledDays: log.scheduled_days,
    learningSteps: log.learning_steps,
    reviewedAt: copyDate(log.review),
  };
}

/** Our log fields → a ts-fsrs `ReviewLog`, for `rollback`. */
export function toFsrsReviewLog(log: ReviewLogFields): ReviewLog {
  return {
    rating: toGrade(log.rating),
    state: STATE_TO_FSRS[log.state],
    due: copyDate(log.due),
    stability: log.stability,
    difficulty: log.difficulty,
    elapsed_days: log.elapsedDays,
    last_elapsed_days: log.lastElapsedDays,
    scheduled_days: log.scheduledDays,
    learning_steps: log.learningSteps,
    review: copyDate(log.reviewedAt),
  };
}

/**
 * The fuzz seed for reviewing `state` at `now`: the review instant in ms, the
 * review count and the memory state. It is ours rather than ts-fsrs's default
 * (which uses the same inputs) so a library upgrade cannot silently change the
 * pinned schedules, and so that nothing but the arguments feeds the fuzz.
 */
export function fuzzSeed(state: SchedulingState | null, now: Date): string {
  if (state === null) return `${now.getTime()}:0:0:0`;
  return `${now.getTime()}:${state.reps}:${state.stability}:${state.difficulty}`;
}

/**
 * Chooses a review interval in place of ts-fsrs's fuzz: given the unfuzzed
 * interval and the days elapsed, whole days, or null to fuzz as usual.
 */
export type IntervalPicker = (interval: number, elapsedDays: number) => number | null;

/**
 * A ts-fsrs scheduler for `settings` with fuzz on and its seed fixed to
 * `seed` (a string, or a function read at each scheduling call). Built per
 * call (a few microseconds): an FSRS instance keeps the seed as mutable
 * state, so sharing one would couple unrelated calls; `ratingPreviewer`
 * shares one only by setting the seed right before each synchronous use.
 *
 * Quirks handled: an empty weight list is passed as "no weights" (ts-fsrs would
 * log a warning and fall back to defaults); settings outside the schema throw
 * `RangeError` instead of being replaced by ts-fsrs defaults (`0 || 0.9`).
 * Steps absent from `settings` are ts-fsrs's defaults: learning 1m 10m,
 * relearning 10m; they go to ts-fsrs in whole minutes. `pickInterval`, when
 * given, chooses each review interval of 2.5 days or more (load balancing).
 */
export function createFsrs(settings: SchedulerSettings, seed: string | (() => string), options: { fuzz?: boolean; pickInterval?: IntervalPicker } = {}): FSRS {
  assertSchedulerSettings(settings);
  const scheduler = fsrs({
    request_retention: settings.desiredRetention,
    maximum_interval: settings.maximumIntervalDays,
    w: settings.weights.length > 0 ? settings.weights : undefined,
    enable_fuzz: options.fuzz ?? true,
    enable_short_term: true,
    ...(settings.learningStepsMinutes ? { learning_steps: toFsrsSteps(settings.learningStepsMinutes) } : {}),
    ...(settings.relearningStepsMinutes ? { relearning_steps: toFsrsSteps(settings.relearningStepsMinutes) } : {}),
  });
  scheduler.useStrategy(StrategyMode.SEED, typeof seed === "string" ? () => seed : seed);
  const pick = options.pickInterval;
  if (pick && (options.fuzz ?? true)) {
    // ts-fsrs fuzzes every review interval (Hard, Good, Easy, a graduation)
    // through `apply_fuzz`, then keeps Hard < Good < Easy; replacing it on this
    // instance moves the day within the same range and keeps that order.
    const fuzz = scheduler.apply_fuzz.bind(scheduler);
    scheduler.apply_fuzz = (interval, elapsedDays) => {
      const picked = interval < 2.5 ? null : pick(interval, elapsedDays);
      return picked === null ? fuzz(interval, elapsedDays) : (picked as ReturnType<FSRS["apply_fuzz"]>);
    };
  }
  return scheduler;
}

/**
 * ts-fsrs's forgetting curve bound to `settings`' weights (the defaults when
 * none are fitted). ts-fsrs's `forgetting_curve` derives its decay and factor
 * from the weights and rounds to 8 places at every call (≈90 ns); the
 * simulator calls it millions of times, so both are derived once here with
 * ts-fsrs's own `computeDecayFactor` and the power is left unrounded (within
 * 5e-9 of ts-fsrs's value).
 */
export function forgettingCurveOf(settings: SchedulerSettings): (elapsedDays: number, stability: number) => number {
  const weights = assertSchedulerSettings(settings).weights.length > 0 ? settings.weights : default_w;
  const { decay, factor } = computeDecayFactor(weights);
  return (elapsedDays, stability) => (1 + (factor * elapsedDays) / stability) ** decay;
}
