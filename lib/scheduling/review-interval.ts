// The due date a review card gets when its interval is recomputed without a
// review (rescheduling after the retention or weights changed): ts-fsrs's own
// interval for the stability at the desired retention, capped and fuzzed as a
// review would fuzz it, counted from the card's last review.
import { createFsrs, fuzzSeed } from "./fsrs-adapter";
import type { SchedulerSettings } from "./settings";
import type { SchedulingState } from "./types";

const DAY_MS = 86_400_000;

/** A review card's interval in whole days and the due instant it gives. */
export type ReviewInterval = { scheduledDays: number; due: Date };

/** A review card (state REVIEW, reviewed at least once) with the memory state to schedule it by. */
export type ReviewIntervalInput = Pick<SchedulingState, "stability" | "difficulty" | "elapsedDays" | "reps"> & { lastReview: Date };

/**
 * `settings` bound once; each call gives `lastReview + interval days`, where
 * the interval is ts-fsrs's `next_interval` for `stability` at the desired
 * retention (at least 1 day, at most `maximumIntervalDays`), fuzzed over the
 * same range a review uses (`elapsedDays` is the gap before the last review,
 * in study days, as the review that set it saw it). The fuzz seed is
 * `fuzzSeed` of the memory state at the last review, so the same state and
 * settings always give the same date: rescheduling twice changes nothing the
 * second time. Days are added as whole 24-hour days to the review instant,
 * as the scheduler does in study time. Pure; throws `RangeError` when
 * `settings` is outside `SchedulerSettingsSchema`.
 */
export function reviewIntervalOf(settings: SchedulerSettings): (card: ReviewIntervalInput) => ReviewInterval {
  let seed = "";
  const scheduler = createFsrs(settings, () => seed);
  return (card) => {
    seed = fuzzSeed({ ...card, due: card.lastReview, scheduledDays: 0, learningSteps: 0, lapses: 0, state: "REVIEW" }, card.lastReview);
    scheduler.seed = seed;
    const scheduledDays = scheduler.next_interval(card.stability, card.elapsedDays);
    return { scheduledDays, due: new Date(card.lastReview.getTime() + scheduledDays * DAY_MS) };
  };
}
