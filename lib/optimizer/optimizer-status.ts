// What the settings page and the API say about a user's FSRS parameters: which
// are in use, what the last optimisation measured, and whether it is time to
// optimise again (once a month, or every 1,000 reviews, as FSRS's authors
// suggest: the fit moves little in between).
import type { OptimizerRun } from "../data/optimizer-run";

/** Reviews after which the optimizer suggests running again. */
export const REOPTIMISE_AFTER_REVIEWS = 1000;
/** Days after which the optimizer suggests running again. */
export const REOPTIMISE_AFTER_DAYS = 30;

const DAY_MS = 86_400_000;

/** Log loss and RMSE (in bins, 0–1) of a set of weights on the user's later reviews; lower is better. */
export type Metrics = { logLoss: number; rmse: number };

/** One optimisation as the client sees it. */
export type OptimizerRunView = {
  id: string;
  /** ISO instant. */
  ranAt: string;
  reviewCount: number;
  /** Training items (reviews a day or more after the card's previous one). */
  itemCount: number;
  /** True when the new weights replaced the old ones. */
  adopted: boolean;
  /** The weights in use before the run, on the later reviews. */
  before: Metrics;
  /** The new weights, fitted on the earlier reviews each time and measured on the later ones. */
  after: Metrics;
  /** What happened, in a sentence. */
  verdict: string;
};

const percent = (x: number) => `${(x * 100).toFixed(1)}%`;
const loss = (x: number) => x.toFixed(4);

/** The run as the client sees it, with its verdict in words. */
export function toRunView(run: OptimizerRun): OptimizerRunView {
  const before = { logLoss: run.logLossBefore, rmse: run.rmseBefore };
  const after = { logLoss: run.logLossAfter, rmse: run.rmseAfter };
  const old = run.weightsBefore.length > 0 ? "your previous personal parameters" : "the FSRS defaults";
  const figures = `log loss ${loss(before.logLoss)} → ${loss(after.logLoss)}, RMSE ${percent(before.rmse)} → ${percent(after.rmse)}`;
  const verdict = run.adopted
    ? `New parameters adopted: they predict your later reviews better than ${old} (${figures}).`
    : `Kept ${old}: the new parameters were not better on your later reviews (${figures}).`;
  return { id: run.id, ranAt: run.ranAt.toISOString(), reviewCount: run.reviewCount, itemCount: run.itemCount, adopted: run.adopted, before, after, verdict };
}

/**
 * Whether to suggest optimising now, as a sentence, or null. Nothing below
 * `minimumReviews`; with no earlier optimisation, as soon as there are enough
 * reviews; otherwise after {@link REOPTIMISE_AFTER_REVIEWS} more reviews or
 * {@link REOPTIMISE_AFTER_DAYS} days. `last` is the latest run, or the last
 * fit stored before runs were recorded.
 */
export function reoptimiseSuggestion(input: {
  reviewCount: number;
  minimumReviews: number;
  last: { at: Date; reviewCount: number } | null;
  now: Date;
}): string | null {
  const { reviewCount, minimumReviews, last, now } = input;
  if (reviewCount < minimumReviews) return null;
  if (!last) return `You have ${reviewCount.toLocaleString("en")} reviews: optimise to fit FSRS to how you remember.`;
  const newReviews = reviewCount - last.reviewCount;
  if (newReviews >= REOPTIMISE_AFTER_REVIEWS) return `${newReviews.toLocaleString("en")} reviews since you last optimised: time to optimise again.`;
  const days = Math.floor((now.getTime() - last.at.getTime()) / DAY_MS);
  if (days >= REOPTIMISE_AFTER_DAYS) return `${days} days since you last optimised: time to optimise again.`;
  return null;
}
