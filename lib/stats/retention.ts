// True retention: of the reviews of cards that were in the review state (not
// new, not in a (re)learning step), the share not rated Again. This is the
// figure the desired retention setting aims at, so it is the honest check on it.
// /stats and the session summary both take it from here, so they never disagree.

/** The windows shown, in study days ending today. */
export const RETENTION_WINDOWS = [7, 30, 365] as const;

/** Below this many reviews in a window the rate is too noisy to show. */
export const MIN_RETENTION_REVIEWS = 10;

/** Reviews that count toward true retention, and how many of them passed. */
export type RetentionCounts = { reviews: number; passed: number };

export type RetentionWindow = RetentionCounts & {
  days: number;
  /** passed / reviews in [0, 1], or null under {@link MIN_RETENTION_REVIEWS} reviews. */
  rate: number | null;
};

/**
 * Whether a review counts toward true retention: the card was past its
 * learning steps when reviewed (`stateBefore` is the review log's state, the
 * one before the review). retentionCountsSql filters SQL rows the same way.
 */
export function isRetentionReview(stateBefore: string): boolean {
  return stateBefore === "REVIEW";
}

/** Counts the reviews (ratings 1–4, each with the card's state before it) that measure retention. */
export function retentionCounts(reviews: readonly { stateBefore: string; rating: number }[]): RetentionCounts {
  const counted = reviews.filter((r) => isRetentionReview(r.stateBefore));
  return { reviews: counted.length, passed: counted.filter((r) => r.rating > 1).length };
}

/** One window's figure from its counts (`0 ≤ passed ≤ reviews`). */
export function trueRetention(days: number, reviews: number, passed: number): RetentionWindow {
  return { days, reviews, passed, rate: reviews >= MIN_RETENTION_REVIEWS ? passed / reviews : null };
}

/** The figure in words, as the stats page and the session summary show it. */
export function retentionSentence(window: Pick<RetentionWindow, "rate">): string {
  return window.rate === null ? "Not enough reviews yet to measure retention" : `${Math.round(window.rate * 100)}% of reviews of learned cards recalled`;
}
