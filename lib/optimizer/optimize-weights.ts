// Personal FSRS weights: fit them from the user's review log, store them in
// user_settings (the scheduler reads them from there), or go back to defaults.
import type { Db } from "../db/client";
import { AppError } from "../errors/app-error";
import { selectUserSettings, updateFittedWeights } from "../data/user-settings";
import { fitFsrsWeights, trainingItemCount } from "./fsrs-binding";
import { toCardHistories, type OptimizerReviewRow } from "./review-history";

/**
 * Fewest logged reviews we fit from. fsrs-rs returns its defaults untouched
 * for a handful of items, and a few hundred reviews mostly move only the four
 * initial stabilities (measured here: 400 simulated reviews → 85 training items,
 * weights 4–20 at their defaults); below that a few lapses decide the
 * forgetting curve. A learner doing 20 new cards a day passes 400 within
 * about two weeks.
 */
export const MIN_REVIEWS_FOR_FIT = 400;

/** What the settings page and the API show about a user's personal weights. */
export type OptimizerStatus = {
  /** Reviews in the user's log now. */
  reviewCount: number;
  minimumReviews: number;
  /** True when fitted weights are in use; false means the FSRS-6 defaults. */
  personal: boolean;
  /** ISO instant of the last fit, or null. */
  fittedAt: string | null;
  /** How many logged reviews the last fit used, or null. */
  fittedReviewCount: number | null;
};

/** The user's personal-weight status (creates default settings on first read). */
export async function selectOptimizerStatus(db: Db, userId: string): Promise<OptimizerStatus> {
  const [settings, reviewCount] = await Promise.all([selectUserSettings(db, userId), db.reviewLog.count({ where: { userId } })]);
  return {
    reviewCount,
    minimumReviews: MIN_REVIEWS_FOR_FIT,
    personal: settings.fsrsWeights.length > 0,
    fittedAt: settings.fsrsWeightsFittedAt?.toISOString() ?? null,
    fittedReviewCount: settings.fsrsWeightsReviewCount,
  };
}

/** Every review of the user, oldest first: one query on the (userId, reviewedAt) index, four columns. */
async function selectReviewHistory(db: Db, userId: string): Promise<OptimizerReviewRow[]> {
  return db.reviewLog.findMany({
    where: { userId },
    orderBy: [{ reviewedAt: "asc" }, { createdAt: "asc" }],
    select: { cardId: true, rating: true, state: true, reviewedAt: true },
  });
}

/**
 * Fits FSRS-6 weights to the user's whole review log (study days in their
 * time zone and day-start hour) and stores them with `now` and the review
 * count. Throws `AppError("VALIDATION")` and changes nothing when the log
 * holds fewer than {@link MIN_REVIEWS_FOR_FIT} reviews or no card was reviewed
 * again on a later day. ≈0.6 s for 5k reviews, ≈1.1 s for 25k; the event
 * loop stays free (longest stall ≈35 ms, see bench/optimize.ts).
 */
export async function optimizeUserWeights(db: Db, userId: string, now: Date): Promise<OptimizerStatus> {
  const settings = await selectUserSettings(db, userId);
  const reviewCount = await db.reviewLog.count({ where: { userId } });
  if (reviewCount < MIN_REVIEWS_FOR_FIT) {
    throw new AppError(
      "VALIDATION",
      `Personal parameters need at least ${MIN_REVIEWS_FOR_FIT} reviews; your log has ${reviewCount}. Keep reviewing and try again.`,
    );
  }
  const rows = await selectReviewHistory(db, userId);
  const { cards } = await toCardHistories(rows, { timeZone: settings.timeZone, dayStartHour: settings.dayStartHour });
  if (trainingItemCount(cards) === 0) {
    throw new AppError("VALIDATION", "No card has been reviewed again on a later day yet, so there is nothing to fit.");
  }
  const weights = await fitFsrsWeights(cards);
  const fitted = { fsrsWeights: weights, fsrsWeightsFittedAt: now, fsrsWeightsReviewCount: rows.length };
  await updateFittedWeights(db, userId, fitted, now);
  return selectOptimizerStatus(db, userId);
}

/** Empties the user's fitted weights at `now` so the scheduler uses the FSRS-6 defaults again. Idempotent. */
export async function resetUserWeights(db: Db, userId: string, now: Date): Promise<OptimizerStatus> {
  await updateFittedWeights(db, userId, { fsrsWeights: [], fsrsWeightsFittedAt: null, fsrsWeightsReviewCount: null }, now);
  return selectOptimizerStatus(db, userId);
}
