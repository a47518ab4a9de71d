import { describe, expect, it } from "vitest";
import { ratingForExerciseReview } from "@/lib/grading/exercise-rating";

describe("ratingForExerciseReview", () => {
  it.each([
    { name: "right first try, quick", outcome: { tries: 1, correct: true, durationMs: 60_000, steps: 2, afterReveal: false }, rating: 3 },
    { name: "right first try, at the time limit", outcome: { tries: 1, correct: true, durationMs: 180_000, steps: 2, afterReveal: false }, rating: 3 },
    { name: "right first try, slow", outcome: { tries: 1, correct: true, durationMs: 180_001, steps: 2, afterReveal: false }, rating: 2 },
    { name: "right after a slip", outcome: { tries: 2, correct: true, durationMs: 30_000, steps: 4, afterReveal: false }, rating: 2 },
    { name: "wrong", outcome: { tries: 1, correct: false, durationMs: 10_000, steps: 4, afterReveal: false }, rating: 1 },
    { name: "wrong after retrying", outcome: { tries: 2, correct: false, durationMs: 10_000, steps: 4, afterReveal: false }, rating: 1 },
    {
      name: "right first try, but after the answers were shown",
      outcome: { tries: 1, correct: true, durationMs: 10_000, steps: 2, afterReveal: true },
      rating: 1,
    },
    {
      name: "right after a slip, but after the answers were shown",
      outcome: { tries: 3, correct: true, durationMs: 10_000, steps: 2, afterReveal: true },
      rating: 1,
    },
  ])("$name → $rating", ({ outcome, rating }) => {
    expect(ratingForExerciseReview(outcome)).toBe(rating);
  });
});
