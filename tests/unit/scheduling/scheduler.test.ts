import { afterEach, describe, expect, it, vi } from "vitest";
import { get_fuzz_range } from "ts-fsrs";
import { createFsrs, fuzzSeed, toFsrsCard, toGrade } from "@/lib/scheduling/fsrs-adapter";
import {
  DEFAULT_SCHEDULER_SETTINGS,
  RATINGS,
  applyRating,
  previewRatings,
  ratingPreviewer,
  type Rating,
  type SchedulerSettings,
  type SchedulingState,
} from "@/lib/scheduling";

const T0 = new Date("2026-03-02T08:30:00.000Z");
const DAY_MS = 86_400_000;

/** A card in review with a long-ish stability, last reviewed `lastReview`, due `due`. */
function reviewCard(overrides: Partial<SchedulingState> = {}): SchedulingState {
  return {
    due: new Date("2026-03-01T10:00:00.000Z"),
    stability: 30,
    difficulty: 5,
    elapsedDays: 12,
    scheduledDays: 30,
    learningSteps: 0,
    reps: 6,
    lapses: 1,
    state: "REVIEW",
    lastReview: new Date("2026-01-30T10:00:00.000Z"),
    ...overrides,
  };
}

const STATES: { name: string; state: SchedulingState | null }[] = [
  { name: "new card", state: null },
  {
    name: "learning, second step",
    state: reviewCard({
      state: "LEARNING",
      stability: 2.3065,
      difficulty: 2.1181,
      scheduledDays: 0,
      learningSteps: 1,
      reps: 1,
      lapses: 0,
      elapsedDays: 0,
      due: new Date("2026-03-02T08:20:00.000Z"),
      lastReview: new Date("2026-03-02T08:10:00.000Z"),
    }),
  },
  { name: "review, overdue", state: reviewCard() },
  {
    name: "relearning",
    state: reviewCard({
      state: "RELEARNING",
      stability: 3.1,
      difficulty: 7.2,
      scheduledDays: 0,
      lapses: 2,
      due: new Date("2026-03-02T08:25:00.000Z"),
      lastReview: new Date("2026-03-02T08:15:00.000Z"),
    }),
  },
];

afterEach(() => {
  vi.useRealTimers();
  vi.restoreAllMocks();
});

describe("purity", () => {
  for (const { name, state } of STATES) {
    it(`${name}: same inputs give the same outputs, whatever the clock and Math.random say`, () => {
      const first = RATINGS.map((r) => applyRating(state, r, T0, DEFAULT_SCHEDULER_SETTINGS));
      const firstPreview = previewRatings(state, T0, DEFAULT_SCHEDULER_SETTINGS);
      vi.useFakeTimers();
      vi.setSystemTime(new Date("2031-07-19T23:59:59.000Z"));
      vi.spyOn(Math, "random").mockReturnValue(0.987654);
      expect(RATINGS.map((r) => applyRating(state, r, T0, DEFAULT_SCHEDULER_SETTINGS))).toEqual(first);
      expect(previewRatings(state, T0, DEFAULT_SCHEDULER_SETTINGS)).toEqual(firstPreview);
    });

    it(`${name}: leaves its input untouched and shares no Date with it`, () => {
      const before = structuredClone(state);
      const now = new Date(T0);
      const { next, log } = applyRating(state, 3, now, DEFAULT_SCHEDULER_SETTINGS);
      expect(state).toEqual(before);
      expect(now.getTime()).toBe(T0.getTime());
      for (const date of [next.due, next.lastReview, log.due, log.reviewedAt]) {
        expect(date === now || date === state?.due || date === state?.lastReview).toBe(false);
      }
    });

    it(`${name}: a previewer shared across cards previews each exactly as previewRatings does`, () => {
      const preview = ratingPreviewer(DEFAULT_SCHEDULER_SETTINGS);
      const others = STATES.map((s) => s.state);
      for (const at of [T0, new Date(T0.getTime() + 3 * 86_400_000)]) {
        for (const other of others) preview(other, new Date(at.getTime() + 1234));
        expect(preview(state, at)).toEqual(previewRatings(state, at, DEFAULT_SCHEDULER_SETTINGS));
      }
    });

    it(`${name}: each preview is exactly what applyRating stores`, () => {
      const previews = previewRatings(state, T0, DEFAULT_SCHEDULER_SETTINGS);
      expect(previews.map((p) => p.rating)).toEqual([1, 2, 3, 4]);
      for (const preview of previews) {
        const { next } = applyRating(state, preview.rating, T0, DEFAULT_SCHEDULER_SETTINGS);
        expect(preview.next).toEqual(next);
        expect(preview.due).toEqual(next.due);
      }
    });
  }
});

describe("review log fields", () => {
  it("hold the review instant, the rating and the state going into the review", () => {
    const state = reviewCard();
    const { log } = applyRating(state, 1, T0, DEFAULT_SCHEDULER_SETTINGS);
    expect(log).toEqual({
      rating: 1,
      state: "REVIEW",
      due: state.lastReview,
      stability: 30,
      difficulty: 5,
      elapsedDays: 31,
      lastElapsedDays: 12,
      scheduledDays: 30,
      learningSteps: 0,
      reviewedAt: T0,
    });
  });

  it("for a new card: state NEW, due = the review instant, zero memory", () => {
    const { log } = applyRating(null, 3, T0, DEFAULT_SCHEDULER_SETTINGS);
    expect(log).toMatchObject({ rating: 3, state: "NEW", due: T0, stability: 0, difficulty: 0, elapsedDays: 0, reviewedAt: T0 });
  });
});

describe("fuzz", () => {
  function goodInterval(state: SchedulingState, now: Date, fuzz: boolean): number {
    const scheduler = createFsrs(DEFAULT_SCHEDULER_SETTINGS, fuzzSeed(state, now), { fuzz });
    return scheduler.next(toFsrsCard(state, now), now, toGrade(3)).card.scheduled_days;
  }

  it("is on: long-ish review intervals move off the unfuzzed value for some cards, within ts-fsrs's fuzz range", () => {
    const results = Array.from({ length: 40 }, (_, i) => {
      const now = new Date(T0.getTime() + i * 7 * 60_000);
      const state = reviewCard();
      const { next } = applyRating(state, 3, now, DEFAULT_SCHEDULER_SETTINGS);
      return { fuzzed: next.scheduledDays, plain: goodInterval(state, now, false) };
    });
    const plain = results[0]?.plain ?? 0;
    expect(plain).toBeGreaterThan(30);
    expect(results.every((r) => r.plain === plain)).toBe(true);
    expect(results.filter((r) => r.fuzzed !== plain).length).toBeGreaterThan(10);
    expect(new Set(results.map((r) => r.fuzzed)).size).toBeGreaterThan(3);
    const { min_ivl, max_ivl } = get_fuzz_range(plain, 31, 36500);
    for (const r of results) {
      expect(r.fuzzed).toBeGreaterThanOrEqual(min_ivl);
      expect(r.fuzzed).toBeLessThanOrEqual(max_ivl);
    }
  });

  it("leaves learning steps alone (1m, 6m, 10m are never fuzzed)", () => {
    for (let i = 0; i < 10; i++) {
      const now = new Date(T0.getTime() + i * 60_000);
      const labels = previewRatings(null, now, DEFAULT_SCHEDULER_SETTINGS)
        .slice(0, 3)
        .map((p) => p.intervalLabel);
      expect(labels).toEqual(["1m", "6m", "10m"]);
    }
  });
});

describe("settings", () => {
  const RETENTIONS = [0.7, 0.75, 0.8, 0.85, 0.9, 0.95, 0.99];

  for (const rating of [2, 3, 4] as Rating[]) {
    it(`higher desired retention never lengthens the interval (rating ${rating})`, () => {
      const days = RETENTIONS.map(
        (desiredRetention) => applyRating(reviewCard(), rating, T0, { ...DEFAULT_SCHEDULER_SETTINGS, desiredRetention }).next.scheduledDays,
      );
      for (let i = 1; i < days.length; i++) expect(days[i]).toBeLessThanOrEqual(days[i - 1] ?? Infinity);
      expect(days[days.length - 1]).toBeLessThan(days[0] ?? 0);
    });
  }

  it("caps every interval at maximumIntervalDays", () => {
    const settings: SchedulerSettings = { ...DEFAULT_SCHEDULER_SETTINGS, maximumIntervalDays: 20 };
    for (const p of previewRatings(reviewCard({ stability: 400 }), T0, settings)) {
      expect(p.due.getTime() - T0.getTime()).toBeLessThanOrEqual(20 * DAY_MS);
    }
  });

  it("uses fitted weights when given 21 of them", () => {
    const fitted = [0.4, 1.2, 3.1, 15.7, 7.2, 0.53, 1.46, 0.0046, 1.55, 0.12, 1.01, 1.93, 0.11, 0.3, 2.27, 0.23, 2.99, 0.52, 0.66, 0.1, 0.2];
    const withDefaults = applyRating(null, 3, T0, DEFAULT_SCHEDULER_SETTINGS).next.stability;
    const withFitted = applyRating(null, 3, T0, { ...DEFAULT_SCHEDULER_SETTINGS, weights: fitted }).next.stability;
    expect(withDefaults).toBeCloseTo(2.3065, 6);
    expect(withFitted).toBeCloseTo(3.1, 6);
  });

  const INVALID: { name: string; settings: SchedulerSettings }[] = [
    { name: "retention below 0.70", settings: { ...DEFAULT_SCHEDULER_SETTINGS, desiredRetention: 0.5 } },
    { name: "retention of 1", settings: { ...DEFAULT_SCHEDULER_SETTINGS, desiredRetention: 1 } },
    { name: "retention 0 (ts-fsrs would quietly use 0.9)", settings: { ...DEFAULT_SCHEDULER_SETTINGS, desiredRetention: 0 } },
    { name: "maximum interval 0", settings: { ...DEFAULT_SCHEDULER_SETTINGS, maximumIntervalDays: 0 } },
    { name: "fractional maximum interval", settings: { ...DEFAULT_SCHEDULER_SETTINGS, maximumIntervalDays: 10.5 } },
    { name: "19 weights (FSRS-5)", settings: { ...DEFAULT_SCHEDULER_SETTINGS, weights: Array.from({ length: 19 }, () => 1) } },
    { name: "a NaN weight", settings: { ...DEFAULT_SCHEDULER_SETTINGS, weights: Array.from({ length: 21 }, (_, i) => (i === 3 ? NaN : 1)) } },
  ];
  for (const { name, settings } of INVALID) {
    it(`rejects ${name} with a RangeError`, () => {
      expect(() => applyRating(null, 3, T0, settings)).toThrow(RangeError);
      expect(() => previewRatings(null, T0, settings)).toThrow(RangeError);
    });
  }
});
