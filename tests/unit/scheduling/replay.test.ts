// Replaying a foreign history: the result must be exactly what reviewing the
// card in the app at those instants would have produced.
import { describe, expect, it } from "vitest";
import { DEFAULT_SCHEDULER_SETTINGS, applyRating, replayReviews, type Rating, type ReplayEvent, type SchedulingState } from "@/lib/scheduling";
import { defined } from "../../support/defined";

const DAY = 86_400_000;
const at = (iso: string, days = 0) => new Date(Date.parse(iso) + days * DAY);
const review = (rating: Rating, when: Date): ReplayEvent => ({ kind: "review", rating, at: when, durationMs: 5000 });
const START = "2025-01-06T09:00:00.000Z";

describe("replayReviews", () => {
  it("a card learned then reviewed Good three times over weeks ends in REVIEW, due ahead by about its stability", () => {
    const events = [review(3, at(START)), review(3, at(START, 1)), review(3, at(START, 5)), review(3, at(START, 19))];
    const replayed = replayReviews(events, DEFAULT_SCHEDULER_SETTINGS);
    const state = defined(replayed.state, "the replayed state");
    expect(replayed.reviews).toHaveLength(4);
    expect(state.state).toBe("REVIEW");
    expect(state.reps).toBe(4);
    expect(state.lapses).toBe(0);
    expect(state.lastReview).toEqual(at(START, 19));
    const intervalDays = (state.due.getTime() - at(START, 19).getTime()) / DAY;
    // At 90% desired retention FSRS schedules the interval at the stability, fuzzed by a few percent.
    expect(intervalDays).toBeGreaterThan(state.stability * 0.85);
    expect(intervalDays).toBeLessThan(state.stability * 1.15 + 1);
    expect(state.stability).toBeGreaterThan(20);
  });

  it("equals applying each rating in turn through applyRating, log rows and states included", () => {
    const events = [review(3, at(START)), review(1, at(START, 2)), review(3, at(START, 2.01)), review(4, at(START, 4))];
    const { state, reviews } = replayReviews(events, DEFAULT_SCHEDULER_SETTINGS);
    let expected: SchedulingState | null = null;
    events.forEach((event, i) => {
      if (event.kind !== "review") return;
      const { next, log } = applyRating(expected, event.rating, event.at, DEFAULT_SCHEDULER_SETTINGS);
      expect(reviews[i]).toEqual({ log, before: expected, after: next, durationMs: 5000 });
      expected = next;
    });
    expect(state).toEqual(expected);
  });

  it("logs the rating, the instant and the days since the previous review for every row", () => {
    const { reviews } = replayReviews([review(3, at(START)), review(2, at(START, 3)), review(3, at(START, 10))], DEFAULT_SCHEDULER_SETTINGS);
    expect(reviews.map((r) => [r.log.rating, r.log.reviewedAt.toISOString(), r.log.elapsedDays])).toEqual([
      [3, START, 0],
      [2, at(START, 3).toISOString(), 3],
      [3, at(START, 10).toISOString(), 7],
    ]);
  });

  it("a forget makes the card new again: later reviews start from an empty card, earlier rows stay", () => {
    const events: ReplayEvent[] = [review(3, at(START)), review(3, at(START, 2)), { kind: "forget", at: at(START, 3) }, review(3, at(START, 4))];
    const { state, reviews } = replayReviews(events, DEFAULT_SCHEDULER_SETTINGS);
    expect(reviews).toHaveLength(3);
    expect(reviews[2]?.before).toBeNull();
    expect(state).toEqual(applyRating(null, 3, at(START, 4), DEFAULT_SCHEDULER_SETTINGS).next);
  });

  it("a forget as the last event leaves the card new", () => {
    const { state, reviews } = replayReviews([review(3, at(START)), { kind: "forget", at: at(START, 1) }], DEFAULT_SCHEDULER_SETTINGS);
    expect(state).toBeNull();
    expect(reviews).toHaveLength(1);
  });

  it("uses the learner's settings: a higher desired retention gives a shorter interval", () => {
    const events = [review(3, at(START)), review(3, at(START, 1)), review(3, at(START, 5))];
    const relaxed = defined(replayReviews(events, DEFAULT_SCHEDULER_SETTINGS).state);
    const strict = defined(replayReviews(events, { ...DEFAULT_SCHEDULER_SETTINGS, desiredRetention: 0.97 }).state);
    expect(strict.due.getTime()).toBeLessThan(relaxed.due.getTime());
  });

  it("refuses events out of time order", () => {
    expect(() => replayReviews([review(3, at(START, 1)), review(3, at(START))], DEFAULT_SCHEDULER_SETTINGS)).toThrow(RangeError);
  });

  it("an empty history leaves the card new", () => {
    expect(replayReviews([], DEFAULT_SCHEDULER_SETTINGS)).toEqual({ state: null, reviews: [] });
  });
});
