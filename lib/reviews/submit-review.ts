// The review API's workflow: record the review, and when the card comes back
// later this study day (a learning step), hand the client its next face,
// built from what the review already read.
import { randomInt } from "node:crypto";
import type { Catalogue } from "../catalogue/catalogue";
import type { PrismaClient } from "../db/generated/client";
import { MAX_SEED } from "../grading/exercise-view";
import { toQueueCard, type QueueCard } from "../queue/queue-card";
import { ratingPreviewer, studyDayEnd } from "../scheduling";
import { recordReviewWithContext, type RecordReviewInput, type RecordReviewResult } from "./record-review";

export type SubmitReviewResult = RecordReviewResult & { requeue: QueueCard | null };

/** Records the review at `now` (see recordReview); an exercise card coming back today shows a fresh variant from `catalogue`. */
export async function submitReview(prisma: PrismaClient, catalogue: Catalogue, input: RecordReviewInput, now: Date): Promise<SubmitReviewResult> {
  const { result, context, settings } = await recordReviewWithContext(prisma, input, now);
  const next = result.state;
  if (result.duplicate || !next || result.suspended || !context.card) return { ...result, requeue: null };
  const learning = next.state === "LEARNING" || next.state === "RELEARNING";
  if (!learning || next.due >= studyDayEnd(now, settings.timeZone, settings.dayStartHour)) return { ...result, requeue: null };
  // Previews are computed at the moment the card becomes due again.
  const at = next.due > now ? next.due : now;
  return { ...result, requeue: toQueueCard(context.card, next, at, ratingPreviewer(settings), catalogue, randomInt(MAX_SEED)) };
}
