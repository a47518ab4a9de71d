// Personal FSRS weights: fit them from the user's review log, measure them
// against the weights in use on the user's later reviews, and store them only
// when they predict better (the scheduler reads them from user_settings);
// every run is recorded. Or go back to the defaults.
import { Prisma, type Db } from "../db/client";
import type { PrismaClient } from "../db/generated/client";
import { insertOptimizerRun, selectLatestOptimizerRun, selectOptionalOptimizerRun } from "../data/optimizer-run";
import { selectUserSettings, updateFittedWeights } from "../data/user-settings";
import { AppError, conflict } from "../errors/app-error";
import { MIN_TRAINING_ITEMS, fitFsrsWeights, trainingItemCount } from "./fsrs-binding";
import { reoptimiseSuggestion, toRunView, type OptimizerRunView } from "./optimizer-status";
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
  /** ISO instant of the fit in use, or null. */
  fittedAt: string | null;
  /** How many logged reviews the fit in use came from, or null. */
  fittedReviewCount: number | null;
  /** The latest optimisation, adopted or not, or null. */
  lastRun: OptimizerRunView | null;
  /** A sentence suggesting to optimise again, or null when it is not time. */
  suggestion: string | null;
};

/** The user's personal-weight status at `now`. */
export async function selectOptimizerStatus(db: Db, userId: string, now: Date): Promise<OptimizerStatus> {
  const [settings, reviewCount, lastRun] = await Promise.all([
    selectUserSettings(db, userId),
    db.reviewLog.count({ where: { userId } }),
    selectLatestOptimizerRun(db, userId),
  ]);
  const fitted = settings.fsrsWeightsFittedAt ? { at: settings.fsrsWeightsFittedAt, reviewCount: settings.fsrsWeightsReviewCount ?? 0 } : null;
  const last = lastRun ? { at: lastRun.ranAt, reviewCount: lastRun.reviewCount } : fitted;
  return {
    reviewCount,
    minimumReviews: MIN_REVIEWS_FOR_FIT,
    personal: settings.fsrsWeights.length > 0,
    fittedAt: settings.fsrsWeightsFittedAt?.toISOString() ?? null,
    fittedReviewCount: settings.fsrsWeightsReviewCount,
    lastRun: lastRun ? toRunView(lastRun) : null,
    suggestion: reoptimiseSuggestion({ reviewCount, minimumReviews: MIN_REVIEWS_FOR_FIT, last, now }),
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
 * time zone and day-start hour), measures them against the weights in use on
 * the later reviews (fsrs-binding.ts) and, in one transaction, records the run
 * as `runId` and stores the new weights only when their log loss is lower.
 * A retry with the same `runId` returns the status without fitting again
 * (409 when the id is another user's). Throws `AppError("VALIDATION")` and
 * changes nothing below {@link MIN_REVIEWS_FOR_FIT} reviews or
 * `MIN_TRAINING_ITEMS` cards reviewed again on a later day. ≈1 s for 25k
 * reviews on an idle 2-core machine (the fit and the evaluation run side by
 * side); the event loop stays free (see bench/schedule.ts).
 */
export async function optimizeUserWeights(db: PrismaClient, userId: string, runId: string, now: Date): Promise<OptimizerStatus> {
  const existing = await selectOptionalOptimizerRun(db, runId);
  if (existing && existing.userId !== userId) throw conflict("That optimisation id is already in use.");
  if (existing) return selectOptimizerStatus(db, userId, now);
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
  if (trainingItemCount(cards) < MIN_TRAINING_ITEMS) {
    throw new AppError("VALIDATION", "Too few cards have been reviewed again on a later day yet, so there is nothing to fit.");
  }
  const outcome = await fitFsrsWeights(cards, settings.fsrsWeights);
  const adopted = outcome.after.logLoss < outcome.before.logLoss;
  const recorded = db.$transaction(async (tx) => {
    await insertOptimizerRun(tx, {
      id: runId,
      userId,
      ranAt: now,
      reviewCount: rows.length,
      itemCount: outcome.itemCount,
      weightsBefore: settings.fsrsWeights,
      weightsFitted: outcome.weights,
      logLossBefore: outcome.before.logLoss,
      rmseBefore: outcome.before.rmse,
      logLossAfter: outcome.after.logLoss,
      rmseAfter: outcome.after.rmse,
      adopted,
    });
    if (adopted) await updateFittedWeights(tx, userId, { fsrsWeights: outcome.weights, fsrsWeightsFittedAt: now, fsrsWeightsReviewCount: rows.length }, now);
  });
  // The same id fitted at once on another instance: that run stands, this one is dropped.
  await recorded.catch((error: unknown) => {
    if (!(error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002")) throw error;
  });
  return selectOptimizerStatus(db, userId, now);
}

/** Empties the user's fitted weights at `now` so the scheduler uses the FSRS-6 defaults again. Idempotent. */
export async function resetUserWeights(db: Db, userId: string, now: Date): Promise<OptimizerStatus> {
  await updateFittedWeights(db, userId, { fsrsWeights: [], fsrsWeightsFittedAt: null, fsrsWeightsReviewCount: null }, now);
  return selectOptimizerStatus(db, userId, now);
}
