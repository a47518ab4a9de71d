// The due date a review card gets when its interval is recomputed without a
// review (rescheduling after the retention or weights changed): ts-fsrs's own
// interval for the stability at the desired retention, capped and fuzzed as a
// review would fuzz it, counted from the card's last review. With balancing,
// the day is picked within the same fuzz range by the load balancer.
import { createFsrs, fuzzSeed } from "./fsrs-adapter";
import { balancedInterval, type Balancing } from "./load-balancer";
import type { SchedulerSettings } from "./settings";
import { addStudyDays } from "./study-time";
import type { SchedulingState } from "./types";

/** A review card's interval in whole days and the due instant it gives. */
export type ReviewInterval = { scheduledDays: number; due: Date };

/** A review card (state REVIEW, reviewed at least once) with the memory state to schedule it by. */
export type ReviewIntervalInput = Pick<SchedulingState, "stability" | "difficulty" | "elapsedDays" | "reps"> & { lastReview: Date };

/**
 * How one card's day is balanced: `balancing.load` seen from the study day of
 * its last review (offset 0), and `earliest`, the first offset after today
 * (days up to today are past for a reschedule and never balanced onto).
 */
export type IntervalBalancing = { balancing: Balancing; earliest: number };

/**
 * `settings` bound once; each call gives `lastReview + interval days`, where
 * the interval is ts-fsrs's `next_interval` for `stability` at the desired
 * retention (at least 1 day, at most `maximumIntervalDays`), fuzzed over the
 * same range a review uses (`elapsedDays` is the gap before the last review,
 * in study days, as the review that set it saw it). The fuzz seed is
 * `fuzzSeed` of the memory state at the last review, so the same state and
 * settings always give the same date: rescheduling twice changes nothing the
 * second time. The due is the study day `interval` days after the last
 * review's, at its wall-clock time (`addStudyDays`), as a review's is.
 *
 * With `balance`, a card whose plain interval lands after today has its day
 * drawn by `balancedInterval` (same seed, same range, days from `earliest`
 * on); one landing today or earlier keeps the plain interval. The draw then
 * depends on the load too, so it is the same for the same load. Pure; throws
 * `RangeError` when `settings` is outside `SchedulerSettingsSchema`.
 */
export function reviewIntervalOf(settings: SchedulerSettings): (card: ReviewIntervalInput, balance?: IntervalBalancing) => ReviewInterval {
  let seed = "";
  let current: IntervalBalancing | undefined;
  const plain = createFsrs(settings, () => seed);
  const balanced = createFsrs(settings, () => seed, {
    pickInterval: (interval, elapsedDays) =>
      current ? balancedInterval(interval, elapsedDays, settings.maximumIntervalDays, current.balancing, seed, current.earliest) : null,
  });
  return (card, balance) => {
    seed = fuzzSeed({ ...card, due: card.lastReview, scheduledDays: 0, learningSteps: 0, lapses: 0, state: "REVIEW" }, card.lastReview);
    plain.seed = seed;
    let scheduledDays = plain.next_interval(card.stability, card.elapsedDays);
    if (balance && scheduledDays >= balance.earliest) {
      current = balance;
      balanced.seed = seed;
      scheduledDays = balanced.next_interval(card.stability, card.elapsedDays);
      current = undefined;
    }
    return { scheduledDays, due: addStudyDays(card.lastReview, scheduledDays, settings.studyClock) };
  };
}
