// What one module is scheduled with: its preset, or the learner's settings
// (the default preset), and on top the module's own retention and new-card
// limit when it sets them (as Anki's "this deck" limits sit on a preset).
import type { ModuleSettingsRow } from "../data/enrollment";
import { DEFAULT_GROUP, type QueueModule } from "../scheduling";
import { presetOptionsOf, type PresetOptions } from "../scheduling/preset-options";

/** A module's effective options, and the queue group it is ordered with (its preset's id, or the default group). */
export type ModuleOptions = { group: string; options: PresetOptions };

/** The options `row` gives a module of a learner whose settings are `settings`; no row: the settings. */
export function moduleOptionsOf(
  settings: PresetOptions,
  row: Pick<ModuleSettingsRow, "presetId" | "desiredRetention" | "newCardsPerDay" | "preset"> | undefined | null,
): ModuleOptions {
  const base = presetOptionsOf(row?.preset ?? settings);
  return {
    group: row?.presetId ?? DEFAULT_GROUP,
    options: {
      ...base,
      desiredRetention: row?.desiredRetention ?? base.desiredRetention,
      newCardsPerDay: row?.newCardsPerDay ?? base.newCardsPerDay,
    },
  };
}

/** The queue's view of a module with its own options: its group, order and review limit, and what it did today. */
export function toQueueModule(options: ModuleOptions, today: { reviews: number; news: number }): QueueModule {
  return {
    group: options.group,
    order: { reviewOrder: options.options.reviewOrder, newCardMix: options.options.newCardMix },
    maximumReviewsPerDay: options.options.maximumReviewsPerDay,
    newIgnoresReviewLimit: options.options.newIgnoresReviewLimit,
    reviewsToday: today.reviews,
    newToday: today.news,
  };
}
