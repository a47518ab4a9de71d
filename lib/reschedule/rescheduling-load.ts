// The due load a balanced reschedule weighs each card's day against. Read
// once as the run starts: the cards due on each study day from today, except
// the review cards the run reschedules. Each of those is then placed on its
// day as the run meets it (card-id order), so every later card sees it: the
// run fills the days one card at a time instead of sending every card to the
// day that was emptiest when it started, and no card weighs against the day
// it is about to leave. The same cards under the same load land on the same
// days, so a second run straight after the first moves nothing. Pure: the
// counts are an argument.
import { LAST_BALANCED_DAY, studyDayNumber, weekdayOfDayNumber, type Balancing, type StudyClock } from "../scheduling";
import type { IntervalBalancing } from "../scheduling/review-interval";

export type ReschedulingLoad = {
  /** The balancing for a card last reviewed at `lastReview`: the load seen from that review's study day, days from tomorrow on. */
  forCard(lastReview: Date): IntervalBalancing;
  /** Counts a card due at `due` on its study day. Days outside today … LAST_BALANCED_DAY are not kept: no pick reads them. */
  place(due: Date): void;
};

/**
 * `counts[i]`: cards due on the study day `i` days after today (the one
 * holding `now`), for i in 0…LAST_BALANCED_DAY, not counting the cards to be
 * placed; copied, the caller's array is left as it is.
 */
export function reschedulingLoad(
  settings: Pick<Balancing, "loadBalancing" | "easyDays">,
  clock: StudyClock,
  now: Date,
  counts: ArrayLike<number>,
): ReschedulingLoad {
  const today = studyDayNumber(now.getTime(), clock);
  const load = new Int32Array(LAST_BALANCED_DAY + 1);
  for (let i = 0; i < load.length; i += 1) load[i] = counts[i] ?? 0;
  return {
    forCard(lastReview) {
      const reviewDay = studyDayNumber(lastReview.getTime(), clock);
      const ago = today - reviewDay;
      return {
        balancing: {
          loadBalancing: settings.loadBalancing,
          easyDays: settings.easyDays,
          load: { firstOffset: ago, counts: load, weekday: weekdayOfDayNumber(reviewDay) },
        },
        earliest: ago + 1,
      };
    },
    place(due) {
      const offset = studyDayNumber(due.getTime(), clock) - today;
      if (offset >= 0 && offset < load.length) load[offset] = (load[offset] ?? 0) + 1;
    },
  };
}
