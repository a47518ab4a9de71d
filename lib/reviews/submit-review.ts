// The review API's workflow: record the review, and when the card comes back
// later this study day (a learning step), hand the client its next face.
import type { PrismaClient } from "../db/generated/client";
import { selectVisibleCard } from "../data/card";
import { selectOptionalCardState } from "../data/card-state";
import { toQueueCard, type QueueCard } from "../queue/queue-card";
import { studyDayEnd } from "../scheduling";
import { selectUserSettings } from "../settings/user-settings";
import { schedulerSettingsOf } from "../settings/scheduler-settings";
import { recordReview, type RecordReviewInput, type RecordReviewResult } from "./record-review";

export type SubmitReviewResult = RecordReviewResult & { requeue: QueueCard | null };

export async function submitReview(prisma: PrismaClient, input: RecordReviewInput, now: Date): Promise<SubmitReviewResult> {
  const result = await recordReview(prisma, input, now);
  if (result.duplicate || !result.state || result.leech) return { ...result, requeue: null };
  const learning = result.state.state === "LEARNING" || result.state.state === "RELEARNING";
  if (!learning) return { ...result, requeue: null };
  const settings = await selectUserSettings(prisma, input.userId);
  if (result.state.due >= studyDayEnd(now, settings.timeZone, settings.dayStartHour)) return { ...result, requeue: null };
  const [card, row] = await Promise.all([
    selectVisibleCard(prisma, input.userId, input.cardId),
    selectOptionalCardState(prisma, input.userId, input.cardId),
  ]);
  // Previews are computed at the moment the card becomes due again.
  const at = result.state.due > now ? result.state.due : now;
  return { ...result, requeue: toQueueCard(card, row, at, schedulerSettingsOf(settings)) };
}
