// Data access for user_settings, one row per user: read with defaults, and
// every write (onboarding, the settings form, fitted FSRS weights) stamped
// with the caller's `now`. Validation of what is written happens at the edge.
import { z } from "zod";
import type { Db } from "../db/client";
import { Prisma, type UserSettings as UserSettingsRow } from "../db/generated/client";
import { DateColumn, queryRows } from "../db/rows";
import { DEFAULT_PRESET_OPTIONS, type PresetOptions } from "../scheduling/preset-options";
import { DEFAULT_SCHEDULER_SETTINGS } from "../scheduling";
import { NORMAL_EASY_DAYS } from "../scheduling/load-balancer";
import { PresetOptionsRowSchema } from "./scheduling-preset";

/** A user's settings as the app uses them (the row without its bookkeeping stamp). */
export type UserSettings = Omit<UserSettingsRow, "updatedAt">;

/** The settings a learner edits; validated at the edge (lib/settings/settings-schema.ts). */
export type UserSettingsPatch = Partial<
  Pick<UserSettings, "dayStartHour" | "timeZone" | "buttonMode" | "theme" | "loadBalancing" | "easyDays"> & PresetOptions
>;

/** What a user without a settings row gets; the same values as the table's column defaults (a test holds them together). */
export function defaultUserSettings(userId: string): UserSettings {
  return {
    userId,
    maximumIntervalDays: DEFAULT_SCHEDULER_SETTINGS.maximumIntervalDays,
    dayStartHour: 4,
    timeZone: "UTC",
    buttonMode: "FOUR",
    theme: "SYSTEM",
    fsrsWeights: [...DEFAULT_SCHEDULER_SETTINGS.weights],
    fsrsWeightsFittedAt: null,
    fsrsWeightsReviewCount: null,
    loadBalancing: true,
    easyDays: [...NORMAL_EASY_DAYS],
    ...DEFAULT_PRESET_OPTIONS,
    learningStepsMinutes: [...DEFAULT_PRESET_OPTIONS.learningStepsMinutes],
    relearningStepsMinutes: [...DEFAULT_PRESET_OPTIONS.relearningStepsMinutes],
  };
}

const COLUMNS = {
  userId: true,
  desiredRetention: true,
  newCardsPerDay: true,
  maximumIntervalDays: true,
  dayStartHour: true,
  timeZone: true,
  buttonMode: true,
  theme: true,
  fsrsWeights: true,
  fsrsWeightsFittedAt: true,
  fsrsWeightsReviewCount: true,
  maximumReviewsPerDay: true,
  newIgnoresReviewLimit: true,
  learningStepsMinutes: true,
  relearningStepsMinutes: true,
  leechThreshold: true,
  leechAction: true,
  reviewOrder: true,
  newCardMix: true,
  loadBalancing: true,
  easyDays: true,
} as const;

// The user's settings are the default preset: the preset's options, and the rest.
const SettingsRowSchema = PresetOptionsRowSchema.extend({
  userId: z.string(),
  maximumIntervalDays: z.number().int(),
  dayStartHour: z.number().int(),
  timeZone: z.string(),
  buttonMode: z.enum(["FOUR", "TWO"]),
  theme: z.enum(["SYSTEM", "LIGHT", "DARK"]),
  fsrsWeights: z.array(z.number()),
  fsrsWeightsFittedAt: DateColumn.nullable(),
  fsrsWeightsReviewCount: z.number().int().nullable(),
  loadBalancing: z.boolean(),
  easyDays: z.array(z.number().int()),
}) satisfies z.ZodType<UserSettings, unknown>;

/**
 * The user's settings; the defaults when they have no row yet (nothing is
 * written). A raw statement: every page and the queue read it first, and it
 * is the cheapest way to (see lib/db/raw-pool.ts).
 */
export async function selectUserSettings(db: Db, userId: string): Promise<UserSettings> {
  const rows = await queryRows(
    db,
    SettingsRowSchema,
    Prisma.sql`SELECT "userId", "desiredRetention", "newCardsPerDay", "maximumIntervalDays", "dayStartHour", "timeZone",
      "buttonMode"::text AS "buttonMode", "theme"::text AS "theme", "fsrsWeights", "fsrsWeightsFittedAt", "fsrsWeightsReviewCount",
      "maximumReviewsPerDay", "newIgnoresReviewLimit", "learningStepsMinutes", "relearningStepsMinutes", "leechThreshold",
      "leechAction"::text AS "leechAction", "reviewOrder"::text AS "reviewOrder", "newCardMix"::text AS "newCardMix",
      "loadBalancing", "easyDays"
      FROM user_settings WHERE "userId" = ${userId}`,
    "selectUserSettings",
  );
  return rows[0] ?? defaultUserSettings(userId);
}

/** Creates the user's settings row with the defaults, if missing (onboarding). */
export async function insertDefaultUserSettings(db: Db, userId: string, now: Date): Promise<void> {
  await db.userSettings.createMany({ data: [{ userId, updatedAt: now }], skipDuplicates: true });
}

/** Applies a validated patch (creating the row if missing) and returns the settings after it. */
export async function updateUserSettings(db: Db, userId: string, patch: UserSettingsPatch, now: Date): Promise<UserSettings> {
  return db.userSettings.upsert({
    where: { userId },
    create: { userId, ...patch, updatedAt: now },
    update: { ...patch, updatedAt: now },
    select: COLUMNS,
  });
}

/** The personal FSRS weights, when and from how many reviews they were fitted; empty weights and nulls go back to the defaults. */
export type FittedWeights = { fsrsWeights: number[]; fsrsWeightsFittedAt: Date | null; fsrsWeightsReviewCount: number | null };

/** Stores (or clears) the user's fitted weights. */
export async function updateFittedWeights(db: Db, userId: string, fitted: FittedWeights, now: Date): Promise<void> {
  await db.userSettings.upsert({
    where: { userId },
    create: { userId, ...fitted, updatedAt: now },
    update: { ...fitted, updatedAt: now },
  });
}
