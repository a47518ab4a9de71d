// True retention: of the reviews of cards that were in the review state (not
// new, not in a (re)learning step), the share not rated Again. This is the
// figure the desired retention setting aims at, so it is the honest check on it.

/** The windows shown, in study days ending today. */
export const RETENTION_WINDOWS = [7, 30, 365] as const;

/** Below this many reviews in a window the rate is too noisy to show. */
export const MIN_RETENTION_REVIEWS = 10;

export type RetentionWindow = {
  days: number;
  /** Reviews of cards in the review state within the window. */
  reviews: number;
  /** Of those, the ones rated Hard, Good or Easy. */
  passed: number;
  /** passed / reviews in [0, 1], or null under {@link MIN_RETENTION_REVIEWS} reviews. */
  rate: number | null;
};

/** One window's figure from its counts (`0 ≤ passed ≤ reviews`). */
export function trueRetention(days: number, reviews: number, passed: number): RetentionWindow {
  return { days, reviews, passed, rate: reviews >= MIN_RETENTION_REVIEWS ? passed / reviews : null };
}
