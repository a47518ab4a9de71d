// Whole-day intervals across a daylight-saving change: a card reviewed near
// the day-start hour on the days around the March and November changes is
// due on the study day `scheduledDays` after the review's, at the review's
// wall-clock time, whether a review scheduled it or a reschedule did; and the
// two choose the same instant for the same interval.
import { describe, expect, it } from "vitest";
import {
  DEFAULT_SCHEDULER_SETTINGS,
  applyRating,
  previewRatings,
  studyDayNumber,
  type SchedulerSettings,
  type SchedulingState,
  type StudyClock,
} from "@/lib/scheduling";
import { reviewIntervalOf } from "@/lib/scheduling/review-interval";
import { addStudyDays } from "@/lib/scheduling/study-time";
import { instantOfWallTime, wallTimeAt } from "@/lib/scheduling/zoned-time";

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

/** Zones with the local dates of their 2026 changes (spring forward, fall back), days starting at 04:00. */
const ZONES: { name: string; clock: StudyClock; changes: string[] }[] = [
  { name: "New York", clock: { timeZone: "America/New_York", dayStartHour: 4 }, changes: ["2026-03-08", "2026-11-01"] },
  { name: "Berlin", clock: { timeZone: "Europe/Berlin", dayStartHour: 4 }, changes: ["2026-03-29", "2026-10-25"] },
];

/** The instant the wall clock in `timeZone` reads `date` at `hour`:`minute` (hours here are 03 and 04: neither skipped nor repeated). */
function wallInstant(date: string, hour: number, minute: number, timeZone: string): Date {
  return new Date(instantOfWallTime(Date.parse(`${date}T00:00:00Z`) + hour * HOUR + minute * 60_000, timeZone));
}

const minutesOfDay = (at: Date, timeZone: string) => {
  const w = wallTimeAt(at.getTime(), timeZone);
  return w.hour * 60 + w.minute;
};

/** A review card last reviewed `elapsed` days before `now` with `stability`, as the review path stores it. */
function reviewCard(now: Date, stability: number, elapsed: number): SchedulingState {
  const lastReview = new Date(now.getTime() - elapsed * DAY);
  return {
    state: "REVIEW",
    due: now,
    stability,
    difficulty: 5,
    elapsedDays: elapsed,
    scheduledDays: elapsed,
    learningSteps: 0,
    reps: 6,
    lapses: 0,
    lastReview,
  };
}

/** Reviews at 30 minutes either side of the day start, on the three days before each change, its day and the day after. */
function reviewInstants(zone: (typeof ZONES)[number]): Date[] {
  const instants: Date[] = [];
  for (const change of zone.changes) {
    for (let shift = -3; shift <= 1; shift += 1) {
      const date = new Date(Date.parse(`${change}T00:00:00Z`) + shift * DAY).toISOString().slice(0, 10);
      for (const [hour, minute] of [
        [3, 30],
        [4, 30],
      ] as const) {
        instants.push(wallInstant(date, hour, minute, zone.clock.timeZone));
      }
    }
  }
  return instants;
}

describe.each(ZONES)("whole-day intervals across $name's DST changes (days from 04:00)", (zone) => {
  const settings: SchedulerSettings = { ...DEFAULT_SCHEDULER_SETTINGS, studyClock: zone.clock };
  const { timeZone } = zone.clock;
  const instants = reviewInstants(zone);
  // From unfuzzed 1–2 day intervals (a review and a reschedule agree on the days) to fuzzed ones of weeks, all crossing the change.
  const stabilities = [0.05, 0.2, 0.6, 1.5, 3, 8];

  it("a review schedules the study day scheduledDays after its own, at the review's wall-clock time", () => {
    for (const now of instants) {
      for (const stability of stabilities) {
        const { next } = applyRating(reviewCard(now, stability, 2), 3, now, settings);
        const where = `${now.toISOString()} s=${stability} → ${next.due.toISOString()} (${next.scheduledDays} d)`;
        expect(next.scheduledDays, where).toBeGreaterThan(0);
        expect(studyDayNumber(next.due.getTime(), zone.clock) - studyDayNumber(now.getTime(), zone.clock), where).toBe(next.scheduledDays);
        expect(minutesOfDay(next.due, timeZone), where).toBe(minutesOfDay(now, timeZone));
      }
    }
  });

  it("the rating buttons label a day interval in study days, not in the 23 or 25 hours it lasts", () => {
    // Capped at a day, Hard is 1 day (23 hours into a spring-forward day), Good and Easy a day or two more.
    const capped = { ...settings, maximumIntervalDays: 1 };
    for (const now of instants) {
      for (const preview of previewRatings(reviewCard(now, 0.6, 2), now, capped)) {
        if (preview.next.scheduledDays > 0) expect(preview.intervalLabel, now.toISOString()).toBe(`${preview.next.scheduledDays}d`);
        expect(preview.next).toEqual(applyRating(reviewCard(now, 0.6, 2), preview.rating, now, capped).next);
      }
    }
  });

  it("a reschedule does the same", () => {
    const intervalOf = reviewIntervalOf(settings);
    for (const now of instants) {
      for (const stability of stabilities) {
        const { next } = applyRating(reviewCard(now, stability, 2), 3, now, settings);
        const moved = intervalOf({ ...next, lastReview: now });
        const where = `${now.toISOString()} s=${next.stability.toFixed(2)} → ${moved.due.toISOString()} (${moved.scheduledDays} d)`;
        expect(studyDayNumber(moved.due.getTime(), zone.clock) - studyDayNumber(now.getTime(), zone.clock), where).toBe(moved.scheduledDays);
        expect(minutesOfDay(moved.due, timeZone), where).toBe(minutesOfDay(now, timeZone));
      }
    }
  });

  // Capped at 1 or 2 days (no fuzz under 2.5), a review and a reschedule of the card it left choose the same interval: the same instant.
  it.each([1, 2])("capped at %i days, a reschedule lands on the instant the review chose", (cap) => {
    const capped = { ...settings, maximumIntervalDays: cap };
    const intervalOf = reviewIntervalOf(capped);
    for (const now of instants) {
      // Hard: Good is kept a day past Hard, so under a cap it can be cap + 1.
      const { next } = applyRating(reviewCard(now, 8, 2), 2, now, capped);
      const moved = intervalOf({ ...next, lastReview: now });
      expect([next.scheduledDays, moved.scheduledDays]).toEqual([cap, cap]);
      expect(moved.due.toISOString(), now.toISOString()).toBe(next.due.toISOString());
      expect(studyDayNumber(moved.due.getTime(), zone.clock) - studyDayNumber(now.getTime(), zone.clock), now.toISOString()).toBe(cap);
    }
  });
});

describe("addStudyDays", () => {
  it.each([
    { name: "no clock: whole 24-hour days", at: "2026-03-07T08:30:00.000Z", days: 2, clock: undefined, due: "2026-03-09T08:30:00.000Z" },
    { name: "New York into summer time: 23 hours", at: "2026-03-07T08:30:00.000Z", days: 1, clock: ZONES[0]?.clock, due: "2026-03-08T07:30:00.000Z" },
    { name: "New York into winter time: 25 hours", at: "2026-10-31T08:30:00.000Z", days: 1, clock: ZONES[0]?.clock, due: "2026-11-01T09:30:00.000Z" },
    {
      name: "a wall time the change skips moves past the gap (Berlin, days from 02:00: 02:30 → 03:30 CEST)",
      at: "2026-03-28T01:30:00.000Z",
      days: 1,
      clock: { timeZone: "Europe/Berlin", dayStartHour: 2 },
      due: "2026-03-29T01:30:00.000Z",
    },
    {
      name: "a wall time the change repeats is its first pass (New York, days from 01:00: 01:30 EDT)",
      at: "2026-10-31T05:30:00.000Z",
      days: 1,
      clock: { timeZone: "America/New_York", dayStartHour: 1 },
      due: "2026-11-01T05:30:00.000Z",
    },
  ])("$name", ({ at, days, clock, due }) => {
    const result = addStudyDays(new Date(at), days, clock);
    expect(result.toISOString()).toBe(due);
    if (clock) expect(studyDayNumber(result.getTime(), clock) - studyDayNumber(Date.parse(at), clock)).toBe(days);
  });
});
