// Honest intervals. ts-fsrs counts the days between two reviews as UTC
// calendar days; the learner's day is their study day (their time zone, from
// their day-start hour). A review at 23:30 in Tokyo and one at 08:00 the next
// morning are a day apart to the learner and, in UTC, the same day. So the
// scheduler hands ts-fsrs "study time": each instant moved so that its UTC
// date is the study day it falls in. Differences in days are then study days;
// results are moved back by keeping their offset from the review instant, in
// minutes for a step and in study days for an interval (addStudyDays: across
// a DST change a day is 23 or 25 hours, and 24 would miss the day near its start).
import type { StudyClock } from "./study-day";
import { instantOfWallTime, wallTimeAt, wallToUtcMs } from "./zoned-time";

const HOUR_MS = 3_600_000;

/**
 * `ms` as study time: the wall clock in the learner's zone, read as UTC, less
 * the day-start hour. Its UTC date is the study day containing `ms`. Without a
 * clock (or in UTC with days starting at midnight) it is `ms` itself.
 */
export function toStudyTimeMs(ms: number, clock: StudyClock | undefined): number {
  if (!clock || (clock.dayStartHour === 0 && clock.timeZone === "UTC")) return ms;
  const wholeSecond = Math.floor(ms / 1000) * 1000;
  const wall = clock.timeZone === "UTC" ? wholeSecond : wallToUtcMs(wallTimeAt(wholeSecond, clock.timeZone));
  return wall + (ms - wholeSecond) - clock.dayStartHour * HOUR_MS;
}

/** `date` as study time (a new Date); see {@link toStudyTimeMs}. */
export function toStudyTime(date: Date, clock: StudyClock | undefined): Date {
  return new Date(toStudyTimeMs(date.getTime(), clock));
}

const DAY_MS = 86_400_000;

/**
 * The instant whose study time is `studyMs`: the inverse of
 * {@link toStudyTimeMs}. A wall time the zone skips (spring forward) is
 * pushed forward by the gap; one it repeats (fall back) is its first
 * occurrence, as `instantOfWallTime` resolves them.
 */
export function fromStudyTimeMs(studyMs: number, clock: StudyClock | undefined): number {
  if (!clock || (clock.dayStartHour === 0 && clock.timeZone === "UTC")) return studyMs;
  const wall = studyMs + clock.dayStartHour * HOUR_MS;
  if (clock.timeZone === "UTC") return wall;
  const wholeSecond = Math.floor(wall / 1000) * 1000;
  return instantOfWallTime(wholeSecond, clock.timeZone) + (wall - wholeSecond);
}

/**
 * The instant `days` (a whole number) study days after `at`, at the same
 * wall-clock time in the learner's zone: the due date of an interval of
 * `days` counted from a review at `at`, always on the study day `days` after
 * the review's (whole 24-hour days would land an hour off across a DST
 * change, a day off near the day-start hour). Without a clock, `days` × 24 h.
 */
export function addStudyDays(at: Date, days: number, clock: StudyClock | undefined): Date {
  return new Date(fromStudyTimeMs(toStudyTimeMs(at.getTime(), clock) + days * DAY_MS, clock));
}

/**
 * The study day holding `ms` as a whole number of days since 1970-01-01 (a
 * Thursday): two instants' numbers differ by the study days between them.
 * Cheaper than a day key when many instants are placed on days.
 */
export function studyDayNumber(ms: number, clock: StudyClock | undefined): number {
  return Math.floor(toStudyTimeMs(ms, clock) / DAY_MS);
}

/** Weekday of a study day number, Monday 0 … Sunday 6. */
export function weekdayOfDayNumber(day: number): number {
  return (((day + 3) % 7) + 7) % 7;
}
