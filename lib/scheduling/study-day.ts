import { instantOfWallTime, isValidTimeZone, wallTimeAt } from "./zoned-time";

export { isValidTimeZone } from "./zoned-time";

/** A learner's study days: they start at `dayStartHour` (0–23) local time in the IANA zone `timeZone`. */
export type StudyClock = { timeZone: string; dayStartHour: number };

// A study day runs from `dayStartHour`:00 local time to the same hour on the
// next local date, so late-night reviews count towards the day they belong to
// (hour 4: Tuesday 01:30 is still Monday's study day). It lasts 23 or 25 hours
// on DST change days.

type LocalDate = { year: number; month: number; day: number };

function checkArguments(timeZone: string, dayStartHour: number): void {
  if (!isValidTimeZone(timeZone)) throw new RangeError(`Unknown time zone: ${timeZone}`);
  if (!Number.isInteger(dayStartHour) || dayStartHour < 0 || dayStartHour > 23) {
    throw new RangeError(`dayStartHour must be an integer 0–23, got ${dayStartHour}`);
  }
}

/** The local date on which the study day containing `now` began. */
function studyDate(now: Date, timeZone: string, dayStartHour: number): LocalDate {
  checkArguments(timeZone, dayStartHour);
  const wall = wallTimeAt(now.getTime(), timeZone);
  const shift = wall.hour < dayStartHour ? -1 : 0;
  const date = new Date(Date.UTC(wall.year, wall.month - 1, wall.day + shift));
  return { year: date.getUTCFullYear(), month: date.getUTCMonth() + 1, day: date.getUTCDate() };
}

function startOf(date: LocalDate, dayOffset: number, timeZone: string, dayStartHour: number): Date {
  const wallMs = Date.UTC(date.year, date.month - 1, date.day + dayOffset, dayStartHour);
  return new Date(instantOfWallTime(wallMs, timeZone));
}

/**
 * The instant the study day containing `now` began: `dayStartHour`:00 (0–23)
 * local time in the IANA zone `timeZone`, on today's or (before that hour)
 * yesterday's local date. When that wall time is skipped by a DST gap the day
 * starts at the end of the gap; when it occurs twice, at the first occurrence.
 * Always ≤ `now`. Throws `RangeError` on an unknown zone or a bad hour.
 */
export function studyDayStart(now: Date, timeZone: string, dayStartHour: number): Date {
  return startOf(studyDate(now, timeZone, dayStartHour), 0, timeZone, dayStartHour);
}

/**
 * The instant the study day containing `now` ends (exclusive): the start of
 * the next study day. Always > `now`. Same arguments and errors as
 * {@link studyDayStart}.
 */
export function studyDayEnd(now: Date, timeZone: string, dayStartHour: number): Date {
  return startOf(studyDate(now, timeZone, dayStartHour), 1, timeZone, dayStartHour);
}

/**
 * The starts of `count` study days, the one containing `now` first, each
 * computed on its own local date (a range may cross any number of DST
 * changes). Same arguments and errors as {@link studyDayStart}.
 */
export function studyDayStartsFrom(now: Date, count: number, timeZone: string, dayStartHour: number): Date[] {
  const date = studyDate(now, timeZone, dayStartHour);
  return Array.from({ length: count }, (_, k) => startOf(date, k, timeZone, dayStartHour));
}

/**
 * The study day containing `now` as "YYYY-MM-DD": the local date on which it
 * began. Use it to bucket reviews per day (streaks, heatmap, "introduced
 * today"). Same arguments and errors as {@link studyDayStart}.
 */
export function studyDayKey(now: Date, timeZone: string, dayStartHour: number): string {
  const { year, month, day } = studyDate(now, timeZone, dayStartHour);
  const pad = (n: number, width: number) => String(n).padStart(width, "0");
  return `${pad(year, 4)}-${pad(month, 2)}-${pad(day, 2)}`;
}

/**
 * The instant the study day keyed `dayKey` ("YYYY-MM-DD", as {@link studyDayKey}
 * gives it) begins: `dayStartHour`:00 local time on that date in `timeZone`.
 * Throws `RangeError` on a malformed key, an unknown zone or a bad hour.
 */
export function studyDayStartOfKey(dayKey: string, timeZone: string, dayStartHour: number): Date {
  checkArguments(timeZone, dayStartHour);
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(dayKey);
  if (!match) throw new RangeError(`Not a study day key: ${dayKey}`);
  return startOf({ year: Number(match[1]), month: Number(match[2]), day: Number(match[3]) }, 0, timeZone, dayStartHour);
}
