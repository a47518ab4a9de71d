// A preset's scheduling options: what a learner sets, their bounds, and what
// a new account starts with. The learner's settings hold the default preset;
// named presets (scheduling_preset) hold the same fields.
import { z } from "zod";
import { MAX_DESIRED_RETENTION, MIN_DESIRED_RETENTION } from "./settings";
import { MAX_STEP_MINUTES, MAX_STEPS } from "./steps";
import { LEECH_ACTIONS } from "./leech";
import { NEW_CARD_MIXES, REVIEW_ORDERS } from "./queue-order";

const StepsSchema = z.array(z.number().int().min(1).max(MAX_STEP_MINUTES)).max(MAX_STEPS);

export const PresetOptionsSchema = z.object({
  desiredRetention: z
    .number()
    .min(MIN_DESIRED_RETENTION)
    .max(MAX_DESIRED_RETENTION)
    .describe("Target probability of recalling a card when it comes due, 0.70–0.99."),
  newCardsPerDay: z.number().int().min(0).max(9999).describe("New cards introduced per study day."),
  maximumReviewsPerDay: z.number().int().min(0).max(9999).describe("Most review cards shown per study day (learning cards are never held back)."),
  newIgnoresReviewLimit: z.boolean().describe("When false, new cards also stop once the day's reviews reach the review limit, as in Anki."),
  learningStepsMinutes: StepsSchema.describe("Learning steps of a new card, in minutes (1–43200 each, at most 10): [1, 10] is 1m 10m."),
  relearningStepsMinutes: StepsSchema.describe("Relearning steps after a lapse, in minutes."),
  leechThreshold: z.number().int().min(1).max(99).describe("Lapses at which a card becomes a leech (again every half that many more)."),
  leechAction: z.enum(LEECH_ACTIONS).describe("SUSPEND takes a leech out of the review; TAG only marks it."),
  reviewOrder: z.enum(REVIEW_ORDERS).describe("DUE: most overdue first; RETRIEVABILITY: most at risk first; RANDOM: shuffled once a study day."),
  newCardMix: z.enum(NEW_CARD_MIXES).describe("New cards spread among the reviews (MIXED), BEFORE or AFTER them."),
});

/** One preset's options; the learner's settings carry the same fields. */
export type PresetOptions = z.infer<typeof PresetOptionsSchema>;

/** What a new account's default preset holds (the user_settings column defaults; a test holds them together). */
export const DEFAULT_PRESET_OPTIONS: PresetOptions = {
  desiredRetention: 0.9,
  newCardsPerDay: 20,
  maximumReviewsPerDay: 200,
  newIgnoresReviewLimit: false,
  learningStepsMinutes: [1, 10],
  relearningStepsMinutes: [10],
  leechThreshold: 8,
  leechAction: "SUSPEND",
  reviewOrder: "DUE",
  newCardMix: "MIXED",
};

/** Picks the preset fields out of a row that holds them (a settings or preset row). */
export function presetOptionsOf(row: PresetOptions): PresetOptions {
  return {
    desiredRetention: row.desiredRetention,
    newCardsPerDay: row.newCardsPerDay,
    maximumReviewsPerDay: row.maximumReviewsPerDay,
    newIgnoresReviewLimit: row.newIgnoresReviewLimit,
    learningStepsMinutes: [...row.learningStepsMinutes],
    relearningStepsMinutes: [...row.relearningStepsMinutes],
    leechThreshold: row.leechThreshold,
    leechAction: row.leechAction,
    reviewOrder: row.reviewOrder,
    newCardMix: row.newCardMix,
  };
}
