import { describe, expect, it } from "vitest";
import { get_fuzz_range } from "ts-fsrs";
import { createFsrs, toFsrsCard, toGrade } from "@/lib/scheduling/fsrs-adapter";
import {
  DEFAULT_SCHEDULER_SETTINGS,
  NORMAL_EASY_DAYS,
  applyRating,
  balancedDays,
  balancedInterval,
  easyDayFactors,
  mergeDayRanges,
  previewRatings,
  type Balancing,
  type DueLoad,
  type Rating,
  type SchedulingState,
} from "@/lib/scheduling";

const T0 = new Date("2026-03-02T08:30:00.000Z");
const DAY_MS = 86_400_000;
const MAX = DEFAULT_SCHEDULER_SETTINGS.maximumIntervalDays;

function reviewCard(stability: number, elapsedDays: number, reps = 6): SchedulingState {
  return {
    due: new Date(T0.getTime() - 2 * DAY_MS),
    stability,
    difficulty: 5,
    elapsedDays,
    scheduledDays: elapsedDays,
    learningSteps: 0,
    reps,
    lapses: 0,
    state: "REVIEW",
    lastReview: new Date(T0.getTime() - elapsedDays * DAY_MS),
  };
}

/** A load of `counts` from tomorrow on, today a Monday (T0 is one). */
const loadOf = (counts: number[]): DueLoad => ({ firstOffset: 1, counts, weekday: 0 });
const balancing = (counts: number[], easyDays: readonly number[] = NORMAL_EASY_DAYS, loadBalancing = true): Balancing => ({
  loadBalancing,
  easyDays,
  load: loadOf(counts),
});

/** ts-fsrs's unfuzzed interval for `rating` on `state` at T0, and the fuzz range around it. */
function fuzzRangeOf(state: SchedulingState, rating: Rating): { min_ivl: number; max_ivl: number } {
  const plain = createFsrs(DEFAULT_SCHEDULER_SETTINGS, "", { fuzz: false }).next(toFsrsCard(state, T0), T0, toGrade(rating));
  return get_fuzz_range(plain.card.scheduled_days, plain.log.elapsed_days, MAX);
}

describe("load balancing", () => {
  const states = [reviewCard(5, 4), reviewCard(12, 10), reviewCard(30, 25), reviewCard(60, 40)];

  it("keeps every Good interval inside ts-fsrs's fuzz range, whatever the load", () => {
    for (const [i, state] of states.entries()) {
      const { min_ivl, max_ivl } = fuzzRangeOf(state, 3);
      for (let seed = 0; seed < 40; seed += 1) {
        const counts = Array.from({ length: 120 }, (_, d) => (d * 7 + seed * 13 + i) % 50);
        const at = new Date(T0.getTime() + seed);
        const { next } = applyRating(state, 3, at, DEFAULT_SCHEDULER_SETTINGS, balancing(counts));
        expect(next.scheduledDays).toBeGreaterThanOrEqual(min_ivl);
        expect(next.scheduledDays).toBeLessThanOrEqual(max_ivl);
      }
    }
  });

  it("draws every balanced interval from ts-fsrs's own fuzz range", () => {
    for (let interval = 3; interval <= 90; interval += 1) {
      const { min_ivl, max_ivl } = get_fuzz_range(interval, 0, MAX);
      const picked = balancedInterval(interval, 0, MAX, balancing([]), `seed-${interval}`);
      expect(picked).toBeGreaterThanOrEqual(min_ivl);
      expect(picked).toBeLessThanOrEqual(max_ivl);
    }
  });

  it("leaves intervals under 2.5 days and over 90 to plain fuzz", () => {
    expect(balancedInterval(2, 0, MAX, balancing([]), "s")).toBeNull();
    expect(balancedInterval(120, 0, MAX, balancing([]), "s")).toBeNull();
  });

  it("leaves out the range's days before `earliest`, and gives null when none is left", () => {
    // Interval 20: range 17–23 days. From day 21 on, only 21–23 can be drawn, empty or not.
    const counts = Array.from({ length: 30 }, (_, i) => (i + 1 === 18 ? 0 : 40));
    const picks = Array.from({ length: 100 }, (_, seed) => balancedInterval(20, 0, MAX, balancing(counts), `card-${seed}`, 21));
    expect(new Set(picks)).toEqual(new Set([21, 22, 23]));
    expect(balancedInterval(20, 0, MAX, balancing(counts), "s", 24)).toBeNull();
  });

  it("prefers the emptiest day of the range", () => {
    // Interval 20: range 17–23 days. Day 21 is empty, the others hold 40 each.
    const counts = Array.from({ length: 30 }, (_, i) => (i + 1 === 21 ? 0 : 40));
    const picks = Array.from({ length: 200 }, (_, seed) => balancedInterval(20, 0, MAX, balancing(counts), `card-${seed}`));
    expect(picks.filter((day) => day === 21).length).toBeGreaterThan(190);
  });

  it("is deterministic per review: the same seed and load give the same day", () => {
    const counts = Array.from({ length: 30 }, (_, i) => (i * 5) % 11);
    const a = applyRating(states[2] ?? null, 3, T0, DEFAULT_SCHEDULER_SETTINGS, balancing(counts));
    const b = applyRating(states[2] ?? null, 3, T0, DEFAULT_SCHEDULER_SETTINGS, balancing(counts));
    expect(a).toEqual(b);
  });

  it("previews what the review will do, balanced the same way", () => {
    const load = balancing(Array.from({ length: 100 }, (_, i) => (i * 3) % 17));
    const previews = previewRatings(states[1] ?? null, T0, DEFAULT_SCHEDULER_SETTINGS, load);
    for (const preview of previews) {
      expect(applyRating(states[1] ?? null, preview.rating, T0, DEFAULT_SCHEDULER_SETTINGS, load).next).toEqual(preview.next);
    }
  });

  it("asks only for the days the review's intervals may land on: each rating's fuzz range, merged", () => {
    const days = balancedDays(states[2] ?? null, T0, DEFAULT_SCHEDULER_SETTINGS);
    const good = fuzzRangeOf(reviewCard(30, 25), 3);
    expect(days.some((range) => range.min <= good.min_ivl && range.max >= good.max_ivl)).toBe(true);
    const hard = fuzzRangeOf(reviewCard(30, 25), 2);
    expect(days.some((range) => range.min <= hard.min_ivl && range.max >= hard.max_ivl)).toBe(true);
    // Easy would be 112–128 days: past 90, fuzzed as usual, nothing read for it.
    expect(fuzzRangeOf(reviewCard(30, 25), 4).min_ivl).toBeGreaterThan(90);
    expect(days).toEqual([
      { min: hard.min_ivl, max: hard.max_ivl },
      { min: good.min_ivl, max: good.max_ivl },
    ]);
    // Sorted, apart, never past 90 days.
    for (const [i, range] of days.entries()) {
      expect(range.max).toBeLessThanOrEqual(90);
      if (i > 0) expect(range.min).toBeGreaterThan((days[i - 1]?.max ?? 0) + 1);
    }
    // A new card's Easy graduates to a balanced interval; a card whose every interval passes 90 days reads nothing.
    expect(balancedDays(null, T0, DEFAULT_SCHEDULER_SETTINGS)).not.toEqual([]);
    expect(balancedDays(reviewCard(400, 300), T0, DEFAULT_SCHEDULER_SETTINGS)).toEqual([]);
  });

  it.each([
    {
      name: "apart",
      ranges: [
        { min: 9, max: 12 },
        { min: 3, max: 5 },
      ],
      merged: [
        { min: 3, max: 5 },
        { min: 9, max: 12 },
      ],
    },
    {
      name: "overlapping",
      ranges: [
        { min: 3, max: 7 },
        { min: 6, max: 9 },
      ],
      merged: [{ min: 3, max: 9 }],
    },
    {
      name: "touching",
      ranges: [
        { min: 3, max: 5 },
        { min: 6, max: 8 },
      ],
      merged: [{ min: 3, max: 8 }],
    },
  ])("merges day ranges: $name", ({ ranges, merged }) => {
    expect(mergeDayRanges(ranges)).toEqual(merged);
  });
});

describe("easy days", () => {
  // Mondays 0 … Sundays 6; T0 (the review's day) is a Monday.
  const SUNDAY_OFF = [100, 100, 100, 100, 100, 100, 0];

  it("keeps cards off a 0% weekday when the range has other days", () => {
    for (let seed = 0; seed < 300; seed += 1) {
      const picked = balancedInterval(8 + (seed % 20), 0, MAX, balancing([], SUNDAY_OFF), `s${seed}`);
      expect((picked ?? 0) % 7).not.toBe(6);
    }
  });

  it("honours a 0% weekday with load balancing off too", () => {
    for (let seed = 0; seed < 100; seed += 1) {
      const picked = balancedInterval(13, 0, MAX, balancing([], SUNDAY_OFF, false), `s${seed}`);
      expect((picked ?? 0) % 7).not.toBe(6);
    }
  });

  it.each([
    { name: "normal day always open", percents: [100], counts: [50, 10, 10], expected: 1 },
    { name: "minimum day always closed", percents: [0], counts: [0, 10, 10], expected: 0 },
    { name: "reduced day under its share of the others' average is open", percents: [50], counts: [4, 10, 10], expected: 1 },
    { name: "reduced day over its share is closed", percents: [50], counts: [6, 10, 10], expected: 0 },
    { name: "a 25% day takes a quarter of the others' average", percents: [25], counts: [3, 10, 10], expected: 0 },
  ])("$name", ({ percents, counts, expected }) => {
    // The first day of the range is weekday 0 (whose share is `percents[0]`); the others are normal.
    const easy = [percents[0] ?? 100, 100, 100, 100, 100, 100, 100];
    expect(easyDayFactors(easy, [0, 1, 2], counts)[0]).toBe(expected);
  });

  it("opens every day when the whole range is closed", () => {
    expect(easyDayFactors([0, 0, 0, 0, 0, 0, 0], [0, 1, 2], [5, 5, 5])).toEqual([1, 1, 1]);
  });
});
