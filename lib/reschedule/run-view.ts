// A reschedule run as the API, the page and the CLI show it.
import type { RescheduleReason, RescheduleRun } from "../data/reschedule-run";

export type RescheduleRunView = {
  id: string;
  reason: RescheduleReason;
  createdAt: string;
  /** False while its batches are still being written. */
  finished: boolean;
  reviewCards: number;
  changedCards: number;
  /** Cards left because they were reviewed meanwhile. */
  skippedCards: number;
  undoneAt: string | null;
  /** After an undo: cards put back, and cards left because they were reviewed since the run. */
  restoredCards: number | null;
  undoSkippedCards: number | null;
};

export function toRescheduleRunView(run: RescheduleRun): RescheduleRunView {
  return {
    id: run.id,
    reason: run.reason,
    createdAt: run.createdAt.toISOString(),
    finished: run.finishedAt !== null,
    reviewCards: run.reviewCards,
    changedCards: run.changedCards,
    skippedCards: run.skippedCards,
    undoneAt: run.undoneAt?.toISOString() ?? null,
    restoredCards: run.restoredCards,
    undoSkippedCards: run.undoSkippedCards,
  };
}
