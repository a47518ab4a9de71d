// Recording a review: one read (review-context.ts), one atomic write
// (writeReviewedState in lib/data/card-state.ts). A retried post (same
// client-generated id) returns the first outcome; two devices racing on one
// card are serialised by a compare-and-set on card_state.version, the loser
// recomputing from the winner's state.
import type { PrismaClient } from "../db/generated/client";
import type { Db } from "../db/client";
import { writeReviewedState } from "../data/card-state";
import { toSchedulingState, toStoredSnapshot } from "../data/state-snapshot";
import { defaultUserSettings } from "../data/user-settings";
import { StaleStateError, withRetries } from "../data/write-conflict";
import { AppError, conflict, notFound } from "../errors/app-error";
import { applyRating, balancedDays, becameLeech, isBalancing, type Balancing, type Rating, type SchedulingState } from "../scheduling";
import { moduleOptionsOf } from "../presets/module-options";
import { schedulerSettingsOf } from "../settings/scheduler-settings";
import { selectDueLoad } from "../queue/due-load";
import { reviewTime } from "./review-time";
import { selectReviewContext, type ReviewContext, type ReviewSettings } from "./review-context";

export type RecordReviewInput = {
  userId: string;
  reviewId: string;
  cardId: string;
  rating: Rating;
  durationMs?: number;
  /** When the learner rated the card, if the client says so (an offline review sent later); see reviewTime. */
  reviewedAt?: Date;
};

export type RecordReviewResult = {
  reviewId: string;
  cardId: string;
  /** True when this id was already recorded (or undone) and nothing was written now. */
  duplicate: boolean;
  undone: boolean;
  state: SchedulingState | null;
  stateVersion: number | null;
  /** True when this review made the card a leech. */
  leech: boolean;
  /** True when it was suspended for it (the preset's leech action is SUSPEND). */
  suspended: boolean;
};

/** What the review read, for callers that build a response from it without reading again. */
export type RecordedReview = { result: RecordReviewResult; context: ReviewContext; settings: ReviewSettings };

/** Records one review at the server's `now`, or at the client's `reviewedAt` held between the card's last review and `now`. Idempotent on `reviewId`. */
export async function recordReview(prisma: PrismaClient, input: RecordReviewInput, now: Date): Promise<RecordReviewResult> {
  return (await recordReviewWithContext(prisma, input, now)).result;
}

export async function recordReviewWithContext(prisma: PrismaClient, input: RecordReviewInput, now: Date): Promise<RecordedReview> {
  return withRetries(() => recordOnce(prisma, input, now));
}

async function recordOnce(db: Db, input: RecordReviewInput, now: Date): Promise<RecordedReview> {
  const { userId, reviewId, cardId, rating } = input;
  const context = await selectReviewContext(db, userId, cardId, reviewId);
  const settings = reviewSettingsOf(context);
  if (context.earlier) return { result: duplicateOf(context, input), context, settings };
  if (!context.card) throw notFound("Card");
  const row = context.state;
  if (row?.suspendedAt) throw new AppError("CONFLICT", "This card is suspended; unsuspend it before reviewing");

  const before = toSchedulingState(row);
  const at = reviewTime(input.reviewedAt, before?.lastReview ?? null, now);
  const balancing = await balancingFor(db, input, before, at, settings);
  const { next, log } = applyRating(before, rating, at, settings, balancing);
  const leech = becameLeech(before, next, settings.leechThreshold);
  const suspend = leech && settings.leechAction === "SUSPEND";
  const columns = { ...next, isLeech: row?.isLeech || leech, suspendedAt: suspend ? now : null };

  const version = await writeReviewedState(db, {
    reviewId,
    userId,
    cardId,
    expectedVersion: row?.version ?? null,
    next: columns,
    log,
    durationMs: input.durationMs ?? null,
    stateBefore: toStoredSnapshot(row),
    now,
  });
  if (version === null) throw new StaleStateError();

  const result = { reviewId, cardId, duplicate: false, undone: false, state: next, stateVersion: version, leech, suspended: suspend };
  return { result, context, settings };
}

function duplicateOf(context: ReviewContext, input: RecordReviewInput): RecordReviewResult {
  const earlier = context.earlier;
  if (!earlier || earlier.userId !== input.userId || (earlier.kind === "log" && earlier.cardId !== input.cardId)) {
    throw conflict("This review id is already in use");
  }
  const undone = earlier.kind === "undo";
  return {
    reviewId: input.reviewId,
    cardId: earlier.cardId,
    duplicate: true,
    undone,
    state: undone ? null : toSchedulingState(context.state),
    stateVersion: undone ? null : (context.state?.version ?? null),
    leech: false,
    suspended: false,
  };
}

/**
 * The load balancer's view of the days this review may schedule the card on:
 * one indexed read of the due counts of just those days (none when balancing
 * is off or the review sets no interval it balances).
 */
async function balancingFor(
  db: Db,
  input: RecordReviewInput,
  before: SchedulingState | null,
  at: Date,
  settings: ReviewSettings,
): Promise<Balancing | undefined> {
  if (!isBalancing(settings)) return undefined;
  const days = balancedDays(before, at, settings);
  if (days.length === 0) return undefined;
  const clock = { timeZone: settings.timeZone, dayStartHour: settings.dayStartHour };
  const load = await selectDueLoad(db, input.userId, clock, at, days);
  return { loadBalancing: settings.loadBalancing, easyDays: settings.easyDays, load };
}

/** The review's settings: the card's module's options over the learner's settings (the defaults without a settings row). */
function reviewSettingsOf(context: ReviewContext): ReviewSettings {
  const user = context.settings ?? defaultUserSettings("");
  const { options } = moduleOptionsOf(user, context.module);
  return {
    ...schedulerSettingsOf(user, options),
    timeZone: user.timeZone,
    dayStartHour: user.dayStartHour,
    leechThreshold: options.leechThreshold,
    leechAction: options.leechAction,
    loadBalancing: user.loadBalancing,
    easyDays: user.easyDays,
  };
}
