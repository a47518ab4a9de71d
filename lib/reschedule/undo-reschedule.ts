// Undo of a reschedule run: every card still at the version the run wrote
// gets its earlier due date and memory state back, in batches, each one
// statement. A card reviewed since keeps its review's schedule; the undo
// says how many. Idempotent: an undone run is returned as it is.
import type { PrismaClient } from "../db/generated/client";
import { finishRescheduleUndo, restoreRescheduledCards, selectOptionalRescheduleRun, selectRecentRescheduleRuns } from "../data/reschedule-run";
import { conflict, notFound } from "../errors/app-error";
import { yieldToEventLoop } from "../event-loop/yield";
import { FIRST_CARD_ID } from "./candidates";
import { BATCH_SIZE } from "./reschedule";
import { toRescheduleRunView, type RescheduleRunView } from "./run-view";

export type UndoRescheduleResult = { run: RescheduleRunView; alreadyUndone: boolean };

/** Undoes the user's run `runId`; see the file comment. Throws NOT_FOUND for another user's run, CONFLICT for one still running. */
export async function undoReschedule(prisma: PrismaClient, userId: string, runId: string, now: Date, batchSize = BATCH_SIZE): Promise<UndoRescheduleResult> {
  const run = await selectOptionalRescheduleRun(prisma, runId);
  if (!run || run.userId !== userId) throw notFound("Reschedule");
  if (run.undoneAt) return { run: toRescheduleRunView(run), alreadyUndone: true };
  if (!run.finishedAt) throw conflict("This reschedule has not finished; try again in a moment");
  let after = FIRST_CARD_ID;
  for (;;) {
    const { looked, lastCardId } = await restoreRescheduledCards(prisma, runId, userId, after, batchSize, now);
    if (looked < batchSize || lastCardId === null) break;
    after = lastCardId;
    await yieldToEventLoop();
  }
  return { run: toRescheduleRunView(await finishRescheduleUndo(prisma, runId, now)), alreadyUndone: false };
}

/** How many recent runs Settings lists. */
export const RECENT_RUNS = 10;

/** The user's recent runs, newest first. */
export async function listRescheduleRuns(prisma: PrismaClient, userId: string): Promise<RescheduleRunView[]> {
  return (await selectRecentRescheduleRuns(prisma, userId, RECENT_RUNS)).map(toRescheduleRunView);
}
