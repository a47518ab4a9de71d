// The counts a reschedule preview and its result show: how many review cards
// there are, how many move and which way, and how many are due by the end of
// tomorrow before and after.
import type { CardChange } from "./plan";

export type RescheduleCounts = {
  /** Review cards looked at (not new, not in (re)learning steps, not suspended). */
  reviewCards: number;
  /** Cards whose due date or memory state changes. */
  changed: number;
  /** Of those, cards that come due sooner, and later. */
  sooner: number;
  later: number;
  /** Review cards due before the end of tomorrow's study day, as things are and after the reschedule. */
  dueByTomorrow: { before: number; after: number };
};

/** An accumulator of `RescheduleCounts`; `tomorrowEnd` is the end of the study day after today. */
export function rescheduleTally(tomorrowEnd: Date) {
  const end = tomorrowEnd.getTime();
  const counts: RescheduleCounts = { reviewCards: 0, changed: 0, sooner: 0, later: 0, dueByTomorrow: { before: 0, after: 0 } };
  return {
    counts,
    /** Counts one review card due at `due`, with its change (null: unchanged). */
    add(due: Date, change: CardChange | null): void {
      counts.reviewCards += 1;
      const after = change ? change.after.due : due;
      if (due.getTime() < end) counts.dueByTomorrow.before += 1;
      if (after.getTime() < end) counts.dueByTomorrow.after += 1;
      if (!change) return;
      counts.changed += 1;
      if (after.getTime() < due.getTime()) counts.sooner += 1;
      else if (after.getTime() > due.getTime()) counts.later += 1;
    },
  };
}
