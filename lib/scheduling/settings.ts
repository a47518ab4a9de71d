import { z } from "zod";
import { MAX_STEP_MINUTES, MAX_STEPS } from "./steps";

/** Lowest desired retention we schedule for; below it intervals grow long enough to forget most cards. */
export const MIN_DESIRED_RETENTION = 0.7;
/** Highest desired retention; above it the review load explodes for little gain. */
export const MAX_DESIRED_RETENTION = 0.99;
/** ts-fsrs's own ceiling on an interval (100 years), in days. */
export const MAX_INTERVAL_CEILING_DAYS = 36500;
/** Number of FSRS-6 weights, the length the optimizer produces. */
export const FSRS6_WEIGHT_COUNT = 21;

/**
 * Per-user FSRS settings (the scheduling columns of `UserSettings`).
 * Validate at the edge with this schema; the scheduler re-checks and throws a
 * `RangeError` on values outside it, because ts-fsrs silently replaces some bad
 * values (retention 0, interval 0, a weight list of the wrong length) with its
 * defaults.
 */
export const SchedulerSettingsSchema = z.object({
  desiredRetention: z
    .number()
    .min(MIN_DESIRED_RETENTION)
    .max(MAX_DESIRED_RETENTION)
    .describe("Target probability of recalling a card when it comes due, 0.70–0.99. Higher means shorter intervals."),
  maximumIntervalDays: z.number().int().min(1).max(MAX_INTERVAL_CEILING_DAYS).describe("Longest interval the scheduler may choose, in whole days (1–36500)."),
  weights: z
    .array(z.number())
    .refine((w) => w.length === 0 || w.length === FSRS6_WEIGHT_COUNT, {
      message: `must be empty (FSRS-6 defaults) or hold ${FSRS6_WEIGHT_COUNT} FSRS-6 weights`,
    })
    .describe("Fitted FSRS-6 weights (21 numbers); empty means the FSRS-6 defaults."),
  learningStepsMinutes: z
    .array(z.number().int().min(1).max(MAX_STEP_MINUTES))
    .max(MAX_STEPS)
    .optional()
    .describe("Learning steps in minutes; absent: 1m 10m (ts-fsrs's and Anki's default)."),
  relearningStepsMinutes: z
    .array(z.number().int().min(1).max(MAX_STEP_MINUTES))
    .max(MAX_STEPS)
    .optional()
    .describe("Relearning steps in minutes; absent: 10m."),
  studyClock: z
    .object({ timeZone: z.string(), dayStartHour: z.number().int().min(0).max(23) })
    .optional()
    .describe("The learner's study days: elapsed days are counted in them. Absent: UTC calendar days, as ts-fsrs counts."),
});

/** Per-user FSRS settings; see {@link SchedulerSettingsSchema} for ranges. */
export type SchedulerSettings = z.infer<typeof SchedulerSettingsSchema>;

/** The defaults `UserSettings` starts with. */
export const DEFAULT_SCHEDULER_SETTINGS: SchedulerSettings = {
  desiredRetention: 0.9,
  maximumIntervalDays: MAX_INTERVAL_CEILING_DAYS,
  weights: [],
};

/**
 * Throws a `RangeError` naming the first bad field when `settings` is outside
 * {@link SchedulerSettingsSchema}; returns it unchanged otherwise.
 */
export function assertSchedulerSettings(settings: SchedulerSettings): SchedulerSettings {
  const parsed = SchedulerSettingsSchema.safeParse(settings);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const where = issue ? issue.path.join(".") : "settings";
    throw new RangeError(`Invalid scheduler settings: ${where}: ${issue?.message ?? "invalid"}`);
  }
  return settings;
}
