// When a review counts as made. A review rated offline reaches the server
// later, sometimes hours later; scheduling it at arrival would stretch the
// elapsed time FSRS sees and put it on the wrong study day. The device's clock
// is trusted only inside what cannot break the card's history: never before
// its last review (elapsed time stays ≥ 0 and the log stays ordered), never
// after now, and never further back than a queued review can plausibly wait.

/** How far back a client-stated review time is honoured. */
export const MAX_REVIEW_AGE_MS = 30 * 24 * 60 * 60 * 1000;

/** The time to record a review at: the client's `reviewedAt`, held between the card's last review (and 30 days ago) and `now`. */
export function reviewTime(reviewedAt: Date | undefined, lastReview: Date | null, now: Date): Date {
  if (!reviewedAt) return now;
  const earliest = Math.max(lastReview?.getTime() ?? 0, now.getTime() - MAX_REVIEW_AGE_MS);
  return new Date(Math.min(now.getTime(), Math.max(earliest, reviewedAt.getTime())));
}
