import { describe, expect, it } from "vitest";
import { State } from "ts-fsrs";
import { fromFsrsCard, fuzzSeed, toFsrsCard, toFsrsReviewLog, toReviewLogFields } from "@/lib/scheduling/fsrs-adapter";
import type { ReviewLogFields, SchedulingState } from "@/lib/scheduling";

const NOW = new Date("2026-05-10T06:00:00.000Z");

const STATES: { name: string; state: SchedulingState; fsrsState: State }[] = [
  {
    name: "learning, never reviewed before the first step",
    fsrsState: State.Learning,
    state: {
      due: new Date("2026-05-10T06:10:00.000Z"),
      stability: 2.3065,
      difficulty: 2.11810397,
      elapsedDays: 0,
      scheduledDays: 0,
      learningSteps: 1,
      reps: 1,
      lapses: 0,
      state: "LEARNING",
      lastReview: new Date("2026-05-10T06:00:00.000Z"),
    },
  },
  {
    name: "review",
    fsrsState: State.Review,
    state: {
      due: new Date("2026-06-01T06:00:00.000Z"),
      stability: 21.5,
      difficulty: 4.2,
      elapsedDays: 9,
      scheduledDays: 22,
      learningSteps: 0,
      reps: 5,
      lapses: 0,
      state: "REVIEW",
      lastReview: new Date("2026-05-10T06:00:00.000Z"),
    },
  },
  {
    name: "relearning",
    fsrsState: State.Relearning,
    state: {
      due: new Date("2026-05-10T06:10:00.000Z"),
      stability: 3.3,
      difficulty: 7.9,
      elapsedDays: 40,
      scheduledDays: 0,
      learningSteps: 0,
      reps: 9,
      lapses: 3,
      state: "RELEARNING",
      lastReview: new Date("2026-05-10T06:00:00.000Z"),
    },
  },
  {
    name: "reset to new with no last review",
    fsrsState: State.New,
    state: {
      due: new Date("2026-05-10T06:00:00.000Z"),
      stability: 0,
      difficulty: 0,
      elapsedDays: 0,
      scheduledDays: 0,
      learningSteps: 0,
      reps: 0,
      lapses: 0,
      state: "NEW",
      lastReview: null,
    },
  },
];

describe("fsrs-adapter", () => {
  for (const { name, state, fsrsState } of STATES) {
    it(`${name}: state → card → state is lossless and copies dates`, () => {
      const card = toFsrsCard(state, NOW);
      expect(card.state).toBe(fsrsState);
      expect(card.last_review === undefined).toBe(state.lastReview === null);
      const back = fromFsrsCard(card);
      expect(back).toEqual(state);
      expect(back.due).not.toBe(state.due);
      expect(card.due).not.toBe(state.due);
    });
  }

  it("a missing state becomes ts-fsrs's empty card due now", () => {
    expect(toFsrsCard(null, NOW)).toMatchObject({ state: State.New, due: NOW, stability: 0, difficulty: 0, reps: 0, last_review: undefined });
  });

  it("log fields → ts-fsrs log → log fields is lossless", () => {
    const log: ReviewLogFields = {
      rating: 2,
      state: "REVIEW",
      due: new Date("2026-04-20T06:00:00.000Z"),
      stability: 21.5,
      difficulty: 4.2,
      elapsedDays: 20,
      lastElapsedDays: 9,
      scheduledDays: 22,
      learningSteps: 0,
      reviewedAt: NOW,
    };
    expect(toReviewLogFields(toFsrsReviewLog(log))).toEqual(log);
  });

  it("the fuzz seed depends only on the review instant, the review count and the memory state", () => {
    const state = STATES[1]?.state ?? null;
    expect(fuzzSeed(state, NOW)).toBe(fuzzSeed(state && { ...state, due: new Date(0), lapses: 7 }, NOW));
    expect(fuzzSeed(state, NOW)).not.toBe(fuzzSeed(state, new Date(NOW.getTime() + 1)));
    expect(fuzzSeed(state, NOW)).not.toBe(fuzzSeed(state && { ...state, reps: state.reps + 1 }, NOW));
    expect(fuzzSeed(null, NOW)).toBe(`${NOW.getTime()}:0:0:0`);
  });
});
