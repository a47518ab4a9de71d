// When to suggest optimising again, and how a run's outcome is said.
import { describe, expect, it } from "vitest";
import type { OptimizerRun } from "@/lib/data/optimizer-run";
import { packTrainingSet } from "@/lib/optimizer/fsrs-binding";
import { reoptimiseSuggestion, toRunView } from "@/lib/optimizer/optimizer-status";

const NOW = new Date("2026-03-01T12:00:00Z");
const daysAgo = (n: number) => new Date(NOW.getTime() - n * 86_400_000);

describe("reoptimiseSuggestion", () => {
  const CASES: { name: string; reviewCount: number; last: { at: Date; reviewCount: number } | null; expected: RegExp | null }[] = [
    { name: "nothing below the minimum", reviewCount: 399, last: null, expected: null },
    { name: "first time, once there are enough reviews", reviewCount: 400, last: null, expected: /^You have 400 reviews: optimise/ },
    { name: "not yet: 999 reviews and 29 days later", reviewCount: 1999, last: { at: daysAgo(29), reviewCount: 1000 }, expected: null },
    { name: "1,000 reviews later", reviewCount: 2000, last: { at: daysAgo(2), reviewCount: 1000 }, expected: /^1,000 reviews since you last optimised/ },
    { name: "a month later", reviewCount: 1010, last: { at: daysAgo(30), reviewCount: 1000 }, expected: /^30 days since you last optimised/ },
  ];
  for (const c of CASES) {
    it(c.name, () => {
      const suggestion = reoptimiseSuggestion({ reviewCount: c.reviewCount, minimumReviews: 400, last: c.last, now: NOW });
      if (c.expected === null) expect(suggestion).toBeNull();
      else expect(suggestion).toMatch(c.expected);
    });
  }
});

describe("toRunView", () => {
  const run = (over: Partial<OptimizerRun>): OptimizerRun => ({
    id: "9a1c7d1e-0000-4000-8000-000000000001",
    userId: "u",
    ranAt: NOW,
    reviewCount: 5000,
    itemCount: 2100,
    weightsBefore: [],
    weightsFitted: Array.from({ length: 21 }, () => 1),
    logLossBefore: 0.3456,
    rmseBefore: 0.0612,
    logLossAfter: 0.3123,
    rmseAfter: 0.0345,
    adopted: true,
    ...over,
  });
  it("says the new parameters were adopted, with both figures", () => {
    expect(toRunView(run({})).verdict).toBe(
      "New parameters adopted: they predict your later reviews better than the FSRS defaults (log loss 0.3456 → 0.3123, RMSE 6.1% → 3.5%).",
    );
  });
  it("says the personal parameters were kept when the new ones were not better", () => {
    const view = toRunView(run({ adopted: false, weightsBefore: Array.from({ length: 21 }, () => 2), logLossAfter: 0.35, rmseAfter: 0.07 }));
    expect(view.verdict).toBe(
      "Kept your previous personal parameters: the new parameters were not better on your later reviews (log loss 0.3456 → 0.3500, RMSE 6.1% → 7.0%).",
    );
    expect(view).toMatchObject({ adopted: false, before: { logLoss: 0.3456, rmse: 0.0612 }, after: { logLoss: 0.35, rmse: 0.07 } });
  });
});

describe("packTrainingSet", () => {
  it("puts items in the time order of their last review, across cards", () => {
    const day = 86_400_000;
    const packed = packTrainingSet([
      {
        cardId: "a",
        reviews: [
          { rating: 3, deltaDays: 0, reviewedAt: 0 },
          { rating: 3, deltaDays: 5, reviewedAt: 5 * day },
        ],
      },
      {
        cardId: "b",
        reviews: [
          { rating: 3, deltaDays: 0, reviewedAt: 1 },
          { rating: 1, deltaDays: 2, reviewedAt: 2 * day },
          { rating: 3, deltaDays: 4, reviewedAt: 6 * day },
        ],
      },
    ]);
    // b's second review (day 2), a's second (day 5), b's third (day 6); b's reviews start at offset 2.
    expect(Array.from(packed.bounds)).toEqual([2, 4, 0, 2, 2, 5]);
  });
});
