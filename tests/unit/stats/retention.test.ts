import { describe, expect, it } from "vitest";
import { MIN_RETENTION_REVIEWS, retentionCounts, retentionSentence, trueRetention } from "@/lib/stats/retention";

describe("retentionCounts", () => {
  it("counts only reviews of cards past their learning steps, passed when not rated Again", () => {
    const reviews = [
      { stateBefore: "NEW", rating: 3 },
      { stateBefore: "LEARNING", rating: 3 },
      { stateBefore: "RELEARNING", rating: 1 },
      { stateBefore: "REVIEW", rating: 1 },
      { stateBefore: "REVIEW", rating: 2 },
      { stateBefore: "REVIEW", rating: 4 },
    ];
    expect(retentionCounts(reviews)).toEqual({ reviews: 3, passed: 2 });
  });
});

describe("retentionSentence", () => {
  const cases = [
    { name: "no reviews", reviews: 0, passed: 0, want: "Not enough reviews yet to measure retention" },
    {
      name: "one short of the minimum",
      reviews: MIN_RETENTION_REVIEWS - 1,
      passed: MIN_RETENTION_REVIEWS - 1,
      want: "Not enough reviews yet to measure retention",
    },
    { name: "at the minimum", reviews: MIN_RETENTION_REVIEWS, passed: MIN_RETENTION_REVIEWS - 1, want: "90% of reviews of learned cards recalled" },
    { name: "rounded to a whole percent", reviews: 33, passed: 30, want: "91% of reviews of learned cards recalled" },
  ];
  for (const c of cases) it(c.name, () => expect(retentionSentence(trueRetention(1, c.reviews, c.passed))).toBe(c.want));
});
