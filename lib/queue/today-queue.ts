// Today's queue for one user: loads due and new candidates (with their cards)
// in one round of queries after the settings, orders them with the pure queue
// builder, and renders each card for the client.
import { randomInt } from "node:crypto";
import type { Catalogue } from "../catalogue/catalogue";
import type { Db } from "../db/client";
import { selectModuleSettings } from "../data/enrollment";
import { selectOwnModuleIds } from "../data/module";
import { selectUserSettings } from "../data/user-settings";
import { MAX_SEED } from "../grading/exercise-view";
import { moduleOptionsOf, toQueueModule, type ModuleOptions } from "../presets/module-options";
import {
  buildQueue,
  ratingPreviewer,
  studyDayEnd,
  studyDayKey,
  studyDayStart,
  type HeldBack,
  type QueueModule,
  type RatingPreviewer,
  type SchedulingState,
} from "../scheduling";
import { schedulerSettingsOf } from "../settings/scheduler-settings";
import type { RetentionCounts } from "../stats/retention";
import { selectStreak } from "../stats/stats-queries";
import { selectQueueBalancing } from "./queue-balancing";
import { toQueueCard, type QueueCard, type QueueCardSource } from "./queue-card";
import { countDueReviews, selectDueRows, selectNewRows, selectNextDue, selectTodayActivity } from "./queue-rows";

/**
 * Most cards handed to a client at once: a long session's worth, small enough
 * to keep the page light on a phone. A longer backlog comes in the next fetch.
 */
export const QUEUE_LIMIT = 100;

/** Due rows read per queue: twice what a client is handed, so the order and the limits have room to choose. */
const DUE_READ_LIMIT = QUEUE_LIMIT * 2;

export type TodayQueue = {
  cards: QueueCard[];
  counts: { learning: number; review: number; new: number };
  /** Due reviews a daily limit keeps back and which limit holds (see buildQueue), with the learner's own limits to name them. */
  held: HeldBack & { maximumReviewsPerDay: number; newCardsPerDay: number };
  studyDay: { key: string; start: string; end: string };
  today: { reviewed: number; retention: RetentionCounts; streak: number };
  nextDueAt: string | null;
  buttonMode: "FOUR" | "TWO";
};

/**
 * Today's queue at `now`. Exercise cards are queued only for the exercises
 * and drawing prompts `catalogue` holds; `randomSeed` picks each one's
 * variant (a fresh one at every review); tests pass a fixed one.
 */
export async function getTodayQueue(
  db: Db,
  catalogue: Catalogue,
  userId: string,
  now: Date,
  randomSeed: () => number = () => randomInt(MAX_SEED),
): Promise<TodayQueue> {
  const gradable = catalogue.gradableSlugs;
  const settings = await selectUserSettings(db, userId);
  const dayStart = studyDayStart(now, settings.timeZone, settings.dayStartHour);
  const dayEnd = studyDayEnd(now, settings.timeZone, settings.dayStartHour);
  const todayKey = studyDayKey(now, settings.timeZone, settings.dayStartHour);

  // One round of queries in parallel. New candidates are fetched for the full
  // daily limit (buildQueue subtracts today's), with spares so sibling burying
  // cannot starve the day's new cards.
  const [dueRows, activity, streak, newRows, moduleSettings, ownModuleIds] = await Promise.all([
    selectDueRows(db, userId, dayEnd, DUE_READ_LIMIT, gradable, { order: settings.reviewOrder, now, dayKey: todayKey }),
    selectTodayActivity(db, userId, dayStart),
    selectStreak(db, userId, settings, now, todayKey),
    selectNewRows(db, userId, settings.newCardsPerDay * 3, gradable, dayStart),
    selectModuleSettings(db, userId),
    selectOwnModuleIds(db, userId),
  ]);

  const optionsByModule = new Map<string, ModuleOptions>();
  const queueModules = new Map<string, QueueModule>();
  for (const [moduleId, row] of moduleSettings) {
    const options = moduleOptionsOf(settings, row);
    optionsByModule.set(moduleId, options);
    queueModules.set(moduleId, toQueueModule(options, activity.byModule.get(moduleId) ?? { reviews: 0, news: 0 }));
  }
  const queue = buildQueue(
    {
      dueCards: dueRows,
      newCandidates: newRows,
      newIntroducedToday: activity.newIntroduced,
      reviewsToday: activity.reviewsOfReviewCards,
      reviewedToday: activity.reviewedCards,
      settings: {
        newCardsPerDay: settings.newCardsPerDay,
        maximumReviewsPerDay: settings.maximumReviewsPerDay,
        newIgnoresReviewLimit: settings.newIgnoresReviewLimit,
        order: { reviewOrder: settings.reviewOrder, newCardMix: settings.newCardMix },
      },
      modules: queueModules,
      studyDayEnd: dayEnd,
      dayKey: todayKey,
    },
    now,
  );
  // The due read stops at its limit; past it, count what a review limit keeps back (a backlog is the case it is for).
  const readAll = dueRows.length < DUE_READ_LIMIT;
  const heldReviews =
    readAll || queue.held.reviewLimit === null ? queue.held.review : (await countDueReviews(db, userId, dayEnd, gradable)) - queue.counts.review;
  const rows = new Map<string, { moduleId: string; card: QueueCardSource; state: SchedulingState | null }>();
  for (const row of newRows) rows.set(row.cardId, { moduleId: row.moduleId, card: row.card, state: null });
  for (const row of dueRows) rows.set(row.cardId, { moduleId: row.moduleId, card: row.card, state: row.scheduling });
  const visible = queue.items.slice(0, QUEUE_LIMIT).flatMap((item) => {
    const row = rows.get(item.cardId);
    return row ? [row] : [];
  });
  const settingsFor = (moduleId: string) => {
    const options = optionsByModule.get(moduleId);
    return options ? schedulerSettingsOf(settings, options.options) : schedulerSettingsOf(settings);
  };
  const balancing = await selectQueueBalancing(db, userId, settings, visible, settingsFor, now);
  // One previewer per module with options of its own (a preset, a retention), one for the rest.
  const ownPreviewer = ratingPreviewer(schedulerSettingsOf(settings), balancing);
  const previewers = new Map<string, RatingPreviewer>();
  const previewFor = (moduleId: string): RatingPreviewer => {
    if (!optionsByModule.has(moduleId)) return ownPreviewer;
    let preview = previewers.get(moduleId);
    if (!preview) {
      preview = ratingPreviewer(settingsFor(moduleId), balancing);
      previewers.set(moduleId, preview);
    }
    return preview;
  };
  const rendered = visible.map((row) =>
    toQueueCard(row.card, row.state, now, previewFor(row.moduleId), catalogue, randomSeed(), ownModuleIds.has(row.moduleId)),
  );

  return {
    cards: rendered,
    counts: queue.counts,
    held: { ...queue.held, review: Math.max(0, heldReviews), maximumReviewsPerDay: settings.maximumReviewsPerDay, newCardsPerDay: settings.newCardsPerDay },
    studyDay: { key: todayKey, start: dayStart.toISOString(), end: dayEnd.toISOString() },
    today: { reviewed: activity.reviewed, retention: activity.retention, streak },
    nextDueAt: rendered.length === 0 ? ((await selectNextDue(db, userId, now, gradable))?.toISOString() ?? null) : null,
    buttonMode: settings.buttonMode,
  };
}
