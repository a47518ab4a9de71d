// Golden checks against ts-fsrs itself, and honest intervals: the days the
// scheduler counts between two reviews are the learner's study days (their
// time zone and day-start hour), not UTC calendar days.
import { describe, expect, it } from "vitest";
import { Rating as FsrsRating, createEmptyCard, fsrs, type Card, type Grade } from "ts-fsrs";
import {
  DEFAULT_SCHEDULER_SETTINGS,
  applyRating,
  previewRatings,
  toStudyTime,
  type Rating,
  type SchedulerSettings,
  type SchedulingState,
} from "@/lib/scheduling";

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

/** ts-fsrs run directly, fuzz off, on the same ratings at the same (study) instants. */
function tsFsrsRun(ratings: readonly Rating[], instants: readonly Date[], steps?: { learning: string[]; relearning: string[] }): Card[] {
  const f = fsrs({
    enable_fuzz: false,
    enable_short_term: true,
    ...(steps ? { learning_steps: steps.learning as `${number}m`[], relearning_steps: steps.relearning as `${number}m`[] } : {}),
  });
  let card = createEmptyCard(instants[0]);
  return ratings.map((rating, i) => {
    card = f.next(card, instants[i] as Date, rating as Grade).card;
    return card;
  });
}

/** Our scheduler with fuzz neutralised: a review interval inside ts-fsrs's fuzz range can differ, so compare memory and unfuzzed fields. */
function ourRun(ratings: readonly Rating[], instants: readonly Date[], settings: SchedulerSettings): SchedulingState[] {
  let state: SchedulingState | null = null;
  return ratings.map((rating, i) => {
    state = applyRating(state, rating, instants[i] as Date, settings).next;
    return state;
  });
}

const SEQUENCES: { name: string; ratings: Rating[]; gapsHours: number[] }[] = [
  { name: "learn, good reviews, a lapse, relearn", ratings: [3, 3, 3, 3, 1, 3, 3, 2, 4], gapsHours: [0, 0.17, 48, 216, 912, 0.17, 72, 216, 408] },
  { name: "easy first, late reviews, a failed relearning step", ratings: [4, 3, 3, 1, 1, 3], gapsHours: [0, 288, 1296, 4512, 0.17, 0.17] },
  { name: "hard and again while learning", ratings: [2, 1, 3, 3, 3], gapsHours: [0, 0.1, 0.2, 30, 100] },
];

function instantsFrom(start: Date, gapsHours: readonly number[]): Date[] {
  let t = start.getTime();
  return gapsHours.map((gap) => {
    t += gap * HOUR;
    return new Date(t);
  });
}

describe("the scheduler matches ts-fsrs (stability and difficulty to 1e-6, same states and steps)", () => {
  const cases = [
    { label: "UTC days from midnight, default steps", clock: { timeZone: "UTC", dayStartHour: 0 }, steps: undefined },
    {
      label: "Tokyo, days from 04:00, steps 2m 15m 1h / 20m",
      clock: { timeZone: "Asia/Tokyo", dayStartHour: 4 },
      steps: { learning: [2, 15, 60], relearning: [20] },
    },
    { label: "Los Angeles, days from 00:00, across a DST change", clock: { timeZone: "America/Los_Angeles", dayStartHour: 0 }, steps: undefined },
  ];
  for (const { label, clock, steps } of cases) {
    for (const sequence of SEQUENCES) {
      it(`${label}: ${sequence.name}`, () => {
        const instants = instantsFrom(new Date("2026-10-20T22:30:00.000Z"), sequence.gapsHours);
        const settings: SchedulerSettings = {
          ...DEFAULT_SCHEDULER_SETTINGS,
          studyClock: clock,
          ...(steps ? { learningStepsMinutes: steps.learning, relearningStepsMinutes: steps.relearning } : {}),
        };
        const ours = ourRun(sequence.ratings, instants, settings);
        // ts-fsrs is handed the same reviews at study time: what our scheduler promises to be equivalent to.
        const theirs = tsFsrsRun(
          sequence.ratings,
          instants.map((t) => toStudyTime(t, clock)),
          steps ? { learning: steps.learning.map((m) => `${m}m`), relearning: steps.relearning.map((m) => `${m}m`) } : undefined,
        );
        for (const [i, card] of theirs.entries()) {
          const state = ours[i] as SchedulingState;
          const where = `review ${i + 1}`;
          expect(state.state, where).toBe(["NEW", "LEARNING", "REVIEW", "RELEARNING"][card.state]);
          expect(state.stability, where).toBeCloseTo(card.stability, 6);
          expect(state.difficulty, where).toBeCloseTo(card.difficulty, 6);
          expect(state.elapsedDays, where).toBe(card.elapsed_days);
          expect(state.learningSteps, where).toBe(card.learning_steps);
          expect(state.lastReview?.getTime(), where).toBe(instants[i]?.getTime());
          if (card.scheduled_days === 0) {
            // A step: due the same minutes after the review as ts-fsrs says.
            expect(state.due.getTime() - (instants[i] as Date).getTime(), where).toBe(card.due.getTime() - toStudyTime(instants[i] as Date, clock).getTime());
          }
        }
      });
    }
  }

  it("without fuzz in play (a 1-day interval) the interval is ts-fsrs's to the day", () => {
    const now = new Date("2026-03-01T09:00:00.000Z");
    const ours = applyRating(null, 3, now, { ...DEFAULT_SCHEDULER_SETTINGS, learningStepsMinutes: [] });
    const theirs = fsrs({ enable_fuzz: false, learning_steps: [] }).next(createEmptyCard(now), now, FsrsRating.Good).card;
    expect(ours.next.scheduledDays).toBe(theirs.scheduled_days);
    expect(ours.next.due.toISOString()).toBe(theirs.due.toISOString());
  });
});

describe("honest intervals: elapsed days are study days", () => {
  function reviewedTwice(first: string, second: string, clock?: SchedulerSettings["studyClock"]): number {
    const settings = { ...DEFAULT_SCHEDULER_SETTINGS, studyClock: clock };
    const learned = applyRating(null, 4, new Date(first), settings).next;
    return applyRating(learned, 3, new Date(second), settings).next.elapsedDays;
  }
  const cases: { name: string; first: string; second: string; clock: { timeZone: string; dayStartHour: number }; studyDays: number; utcDays: number }[] = [
    {
      name: "Tokyo: 23:30 then 08:00 the next morning is a day apart, though the same UTC date",
      first: "2026-05-10T14:30:00.000Z",
      second: "2026-05-10T23:00:00.000Z",
      clock: { timeZone: "Asia/Tokyo", dayStartHour: 4 },
      studyDays: 1,
      utcDays: 0,
    },
    {
      name: "New York, day starts at 04:00: 20:00 then 02:00 is the same study day, though the next UTC date",
      first: "2026-05-11T00:00:00.000Z",
      second: "2026-05-11T06:00:00.000Z",
      clock: { timeZone: "America/New_York", dayStartHour: 4 },
      studyDays: 0,
      utcDays: 0,
    },
    {
      name: "New York, day starts at 04:00: 22:00 then 05:00 next morning is a day apart",
      first: "2026-05-11T02:00:00.000Z",
      second: "2026-05-11T09:00:00.000Z",
      clock: { timeZone: "America/New_York", dayStartHour: 4 },
      studyDays: 1,
      utcDays: 0,
    },
    {
      name: "UTC, day starts at 04:00: 03:00 is still yesterday's study day",
      first: "2026-05-10T05:00:00.000Z",
      second: "2026-05-11T03:00:00.000Z",
      clock: { timeZone: "UTC", dayStartHour: 4 },
      studyDays: 0,
      utcDays: 1,
    },
    {
      name: "Berlin across the spring DST change: three study days, whatever the hours",
      first: "2026-03-27T21:00:00.000Z",
      second: "2026-03-30T06:30:00.000Z",
      clock: { timeZone: "Europe/Berlin", dayStartHour: 6 },
      studyDays: 3,
      utcDays: 3,
    },
    {
      name: "Kolkata (+05:30), day from midnight: 23:45 then 00:15 is a day apart",
      first: "2026-07-01T18:15:00.000Z",
      second: "2026-07-01T18:45:00.000Z",
      clock: { timeZone: "Asia/Kolkata", dayStartHour: 0 },
      studyDays: 1,
      utcDays: 0,
    },
  ];
  for (const c of cases) {
    it(c.name, () => {
      expect(reviewedTwice(c.first, c.second, c.clock)).toBe(c.studyDays);
      expect(reviewedTwice(c.first, c.second)).toBe(c.utcDays);
    });
  }

  it("previews and the applied rating agree under a study clock, and steps keep their minutes", () => {
    const settings = { ...DEFAULT_SCHEDULER_SETTINGS, studyClock: { timeZone: "Asia/Tokyo", dayStartHour: 4 } };
    const now = new Date("2026-05-10T14:30:00.000Z");
    const previews = previewRatings(null, now, settings);
    for (const p of previews) expect(p.next).toEqual(applyRating(null, p.rating, now, settings).next);
    expect((previews[0] as { due: Date }).due.getTime() - now.getTime()).toBe(60_000);
    expect(applyRating(null, 1, now, settings).log.reviewedAt.toISOString()).toBe(now.toISOString());
  });

  it("a day is a study day for intervals too: a 1-day interval lands one day after the review", () => {
    const settings = { ...DEFAULT_SCHEDULER_SETTINGS, learningStepsMinutes: [], studyClock: { timeZone: "America/New_York", dayStartHour: 4 } };
    const now = new Date("2026-05-11T06:00:00.000Z");
    const { next } = applyRating(null, 3, now, settings);
    expect(next.due.getTime() - now.getTime()).toBe(next.scheduledDays * DAY);
  });
});
