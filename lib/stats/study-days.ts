// Runs of consecutive study days (the user's time zone and day-start hour),
// the windows every chart buckets by. The SQL side buckets rows with
// width_bucket over these start instants, so DST and the day-start hour are
// decided here, in one place, and never re-derived in SQL.
import { studyDayEnd, studyDayKey, studyDayStart, type StudyClock } from "../scheduling";

/** One study day: its "YYYY-MM-DD" key (the local date it began on) and its start instant. */
export type StudyDay = { key: string; start: Date };

/**
 * `count` consecutive study days starting with the one that holds `from`
 * (`count` ≥ 0). Days are 23 or 25 hours long across a DST change. Throws
 * `RangeError` on an unknown zone or a bad hour, like `studyDayStart`.
 */
export function studyDaysFrom(from: Date, count: number, clock: StudyClock): StudyDay[] {
  const days: StudyDay[] = [];
  let start = studyDayStart(from, clock.timeZone, clock.dayStartHour);
  for (let i = 0; i < count; i++) {
    days.push({ key: studyDayKey(start, clock.timeZone, clock.dayStartHour), start });
    start = studyDayEnd(start, clock.timeZone, clock.dayStartHour);
  }
  return days;
}

/**
 * The `count` study days ending with the one that holds `now` (today last),
 * oldest first. Same errors as {@link studyDaysFrom}.
 */
export function studyDaysUntil(now: Date, count: number, clock: StudyClock): StudyDay[] {
  if (count <= 0) return [];
  const days: StudyDay[] = [];
  let start = studyDayStart(now, clock.timeZone, clock.dayStartHour);
  for (let i = 0; i < count; i++) {
    days.push({ key: studyDayKey(start, clock.timeZone, clock.dayStartHour), start });
    // The instant just before this day began lies in the previous study day.
    start = studyDayStart(new Date(start.getTime() - 1), clock.timeZone, clock.dayStartHour);
  }
  return days.reverse();
}

/** The instant the last of `days` ends (exclusive); `days` must be non-empty and consecutive. */
export function endOfDays(days: readonly StudyDay[], clock: StudyClock): Date {
  const last = days.at(-1);
  if (!last) throw new RangeError("endOfDays needs at least one day");
  return studyDayEnd(last.start, clock.timeZone, clock.dayStartHour);
}

/** Weekday of a "YYYY-MM-DD" key, Monday 0 … Sunday 6 (a calendar fact, not zone-dependent). */
export function weekdayOf(key: string): number {
  return (new Date(`${key}T00:00:00Z`).getUTCDay() + 6) % 7;
}
