// Reschedule on change: after the desired retention or the weights change,
// every review card's due date is recomputed from its memory state (see
// plan.ts). A preview (dry run) counts what would move; a run writes the
// cards in batches of BATCH_SIZE, each batch one transaction, compare-and-set
// on each card's version, and logs itself as a reschedule run, never as
// reviews. The run's id is the client's: a retry finds the run (and finishes
// it if it was cut short) instead of moving cards twice.
import type { PrismaClient } from "../db/generated/client";
import {
  addRescheduleRunCounts,
  finishRescheduleRun,
  insertRescheduleRunIfAbsent,
  selectOptionalRescheduleRun,
  selectRescheduledCardIds,
  writeRescheduledCards,
  type RescheduleReason,
} from "../data/reschedule-run";
import { conflict } from "../errors/app-error";
import { timeSlice, yieldToEventLoop } from "../event-loop/yield";
import { studyDayEnd } from "../scheduling";
import { FIRST_CARD_ID, selectRescheduleCandidates } from "./candidates";
import { loadModuleReschedulers } from "./module-reschedulers";
import type { CardChange } from "./plan";
import { rescheduleTally, type RescheduleCounts } from "./tally";
import { toRescheduleRunView, type RescheduleRunView } from "./run-view";

/**
 * Cards read, computed and written together; one transaction each. 250 rather
 * than 500: parsing a page's review log is one synchronous stretch, and at 500
 * it held the event loop past 50 ms on a busy machine.
 */
export const BATCH_SIZE = 250;

export type ReschedulePreview = { asOf: string; counts: RescheduleCounts };

export type RescheduleRequest = {
  id: string;
  reason: RescheduleReason;
  /** The preview's `asOf`: cards reviewed after it were scheduled under the new settings already and are left. Default: now. */
  asOf?: Date;
};

/**
 * A run's outcome: the run as stored (cards written, cards skipped), and this
 * pass's counts as computed, before the write skipped any card reviewed
 * meanwhile (null when the run had finished before: a retry).
 */
export type RescheduleResult = { run: RescheduleRunView; counts: RescheduleCounts | null };

type Page = { changes: CardChange[]; skipped: number };

/** Walks every review card of the user a page at a time: `visit` gets each page's changes (cards that would move). */
async function forEachPage(
  prisma: PrismaClient,
  userId: string,
  now: Date,
  options: { asOf: Date; leave?: ReadonlySet<string>; batchSize: number },
  visit: (page: Page) => Promise<void>,
): Promise<RescheduleCounts> {
  const reschedulers = await loadModuleReschedulers(prisma, userId, now);
  const tomorrowEnd = studyDayEnd(
    studyDayEnd(now, reschedulers.clock.timeZone, reschedulers.clock.dayStartHour),
    reschedulers.clock.timeZone,
    reschedulers.clock.dayStartHour,
  );
  const tally = rescheduleTally(tomorrowEnd);
  const pause = timeSlice(10);
  let after = FIRST_CARD_ID;
  for (;;) {
    const cards = await selectRescheduleCandidates(prisma, userId, after, options.batchSize);
    if (cards.length === 0) break;
    const page: Page = { changes: [], skipped: 0 };
    for (const card of cards) {
      if (options.leave?.has(card.cardId)) {
        reschedulers.leave(card.state.due);
        tally.add(card.state.due, null);
        continue;
      }
      if (card.state.lastReview.getTime() > options.asOf.getTime()) {
        reschedulers.leave(card.state.due);
        page.skipped += 1;
        tally.add(card.state.due, null);
        continue;
      }
      const change = reschedulers.forModule(card.moduleId)(card);
      tally.add(card.state.due, change);
      if (change) page.changes.push(change);
      await pause();
    }
    await visit(page);
    after = cards[cards.length - 1]?.cardId ?? after;
    if (cards.length < options.batchSize) break;
    await yieldToEventLoop();
  }
  return tally.counts;
}

/** What rescheduling would do now, without changing anything (the "Reschedule N cards?" offer). */
export async function previewReschedule(prisma: PrismaClient, userId: string, now: Date): Promise<ReschedulePreview> {
  const counts = await forEachPage(prisma, userId, now, { asOf: now, batchSize: BATCH_SIZE }, async () => undefined);
  return { asOf: now.toISOString(), counts };
}

/**
 * Reschedules the user's review cards as run `request.id`. Idempotent: a
 * finished run with that id is returned as it is; an unfinished one (cut
 * short) carries on, leaving the cards it already changed. A card reviewed
 * after `asOf`, or between its read and its batch's write, is left as the
 * review made it, and counted as skipped.
 */
export async function runReschedule(
  prisma: PrismaClient,
  userId: string,
  request: RescheduleRequest,
  now: Date,
  batchSize = BATCH_SIZE,
): Promise<RescheduleResult> {
  const existing = await selectOptionalRescheduleRun(prisma, request.id);
  if (existing && existing.userId !== userId) throw conflict("That reschedule id is already taken; make a new one");
  if (existing?.finishedAt) return { run: toRescheduleRunView(existing), counts: null };
  if (!existing) await insertRescheduleRunIfAbsent(prisma, { id: request.id, userId, reason: request.reason, createdAt: now });
  const done = existing ? await selectRescheduledCardIds(prisma, request.id) : new Set<string>();
  const asOf = request.asOf && request.asOf.getTime() < now.getTime() ? request.asOf : now;
  const counts = await forEachPage(prisma, userId, now, { asOf, leave: done, batchSize }, async (page) => {
    await prisma.$transaction(async (tx) => {
      const ids = await writeRescheduledCards(tx, request.id, userId, page.changes, now);
      await addRescheduleRunCounts(tx, request.id, { changedCards: ids.length, skippedCards: page.skipped + page.changes.length - ids.length });
    });
  });
  const run = await finishRescheduleRun(prisma, request.id, counts.reviewCards, now);
  return { run: toRescheduleRunView(run), counts };
}
