// Recording a review: the state update and the log insert commit together.
// A retried post (same client-generated id) returns the first outcome; two
// devices racing on one card are serialised by a compare-and-set on
// card_state.version, the loser recomputing from the winner's state.
import type { PrismaClient } from "../db/generated/client";
import type { Db } from "../db/client";
import { selectVisibleCard } from "../data/card";
import { insertCardState, selectOptionalCardState, updateCardStateIfVersion } from "../data/card-state";
import { insertReviewLog, selectOptionalReviewLog, type ReviewLog } from "../data/review-log";
import { AppError, conflict } from "../errors/app-error";
import { applyRating, becameLeech, type Rating, type SchedulingState } from "../scheduling";
import { selectUserSettings } from "../settings/user-settings";
import { schedulerSettingsOf } from "../settings/scheduler-settings";
import { toSchedulingState, toStoredSnapshot } from "./state-snapshot";
import { isRetryableWriteConflict, withRetries } from "./write-conflict";

export type RecordReviewInput = {
  userId: string;
  reviewId: string;
  cardId: string;
  rating: Rating;
  durationMs?: number;
};

export type RecordReviewResult = {
  reviewId: string;
  cardId: string;
  /** True when this id was already recorded (or undone) and nothing was written now. */
  duplicate: boolean;
  undone: boolean;
  state: SchedulingState | null;
  stateVersion: number | null;
  /** True when this review made the card a leech; it is then suspended. */
  leech: boolean;
};

/** Records one review at the server's `now`. Idempotent on `reviewId`. */
export async function recordReview(prisma: PrismaClient, input: RecordReviewInput, now: Date): Promise<RecordReviewResult> {
  return withRetries(() => prisma.$transaction((tx) => recordOnce(tx, input, now)), isRetryableWriteConflict);
}

async function recordOnce(tx: Db, input: RecordReviewInput, now: Date): Promise<RecordReviewResult> {
  const { userId, reviewId, cardId, rating } = input;
  const earlier = await selectOptionalReviewLog(tx, reviewId);
  if (earlier) return duplicateOf(tx, earlier, input);
  const undone = await tx.reviewUndo.findUnique({ where: { id: reviewId } });
  if (undone) {
    if (undone.userId !== userId) throw conflict("This review id is already in use");
    return { reviewId, cardId: undone.cardId, duplicate: true, undone: true, state: null, stateVersion: null, leech: false };
  }

  await selectVisibleCard(tx, userId, cardId);
  const settings = await selectUserSettings(tx, userId);
  const row = await selectOptionalCardState(tx, userId, cardId);
  if (row?.suspendedAt) throw new AppError("CONFLICT", "This card is suspended; unsuspend it before reviewing");

  const before = toSchedulingState(row);
  const { next, log } = applyRating(before, rating, now, schedulerSettingsOf(settings));
  const leech = becameLeech(before, next);
  const columns = { ...next, isLeech: row?.isLeech || leech, suspendedAt: leech ? now : null };

  let version: number;
  if (row) {
    if (!(await updateCardStateIfVersion(tx, row.id, row.version, columns))) throw new StaleStateError();
    version = row.version + 1;
  } else {
    version = (await insertCardState(tx, userId, cardId, columns)).version;
  }

  await insertReviewLog(tx, {
    id: reviewId,
    userId,
    cardId,
    rating: log.rating,
    state: log.state,
    due: log.due,
    stability: log.stability,
    difficulty: log.difficulty,
    elapsedDays: log.elapsedDays,
    lastElapsedDays: log.lastElapsedDays,
    scheduledDays: log.scheduledDays,
    learningSteps: log.learningSteps,
    reviewedAt: log.reviewedAt,
    durationMs: input.durationMs ?? null,
    stateBefore: toStoredSnapshot(row),
    stateVersionAfter: version,
  });

  return { reviewId, cardId, duplicate: false, undone: false, state: next, stateVersion: version, leech };
}

async function duplicateOf(tx: Db, earlier: ReviewLog, input: RecordReviewInput): Promise<RecordReviewResult> {
  if (earlier.userId !== input.userId || earlier.cardId !== input.cardId) {
    throw conflict("This review id is already in use for another card");
  }
  const row = await selectOptionalCardState(tx, input.userId, input.cardId);
  return {
    reviewId: earlier.id,
    cardId: earlier.cardId,
    duplicate: true,
    undone: false,
    state: toSchedulingState(row),
    stateVersion: row?.version ?? null,
    leech: false,
  };
}

/** Thrown inside the transaction when another writer changed the state first. */
export class StaleStateError extends Error {
  constructor() {
    super("card state changed concurrently");
    this.name = "StaleStateError";
  }
}
