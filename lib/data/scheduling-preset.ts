// Data access for scheduling_preset: a learner's named presets. Every read and
// write is scoped to the learner; `now` is passed in.
import { z } from "zod";
import type { Db } from "../db/client";
import { Prisma } from "../db/generated/client";
import { DateColumn, queryRows } from "../db/rows";
import { lockUserRow } from "./user-row-lock";
import type { PresetOptions } from "../scheduling/preset-options";
import { LEECH_ACTIONS, NEW_CARD_MIXES, REVIEW_ORDERS } from "../scheduling";

/** The preset columns of a settings or preset row, as a raw statement selects them. */
export const PRESET_OPTION_COLUMNS = Prisma.raw(`"desiredRetention", "newCardsPerDay", "maximumReviewsPerDay", "newIgnoresReviewLimit",
  "learningStepsMinutes", "relearningStepsMinutes", "leechThreshold", "leechAction"::text AS "leechAction",
  "reviewOrder"::text AS "reviewOrder", "newCardMix"::text AS "newCardMix"`);

/** The preset fields of a row (or of `to_jsonb` of one). */
export const PresetOptionsRowSchema = z.object({
  desiredRetention: z.number(),
  newCardsPerDay: z.number().int(),
  maximumReviewsPerDay: z.number().int(),
  newIgnoresReviewLimit: z.boolean(),
  learningStepsMinutes: z.array(z.number().int()),
  relearningStepsMinutes: z.array(z.number().int()),
  leechThreshold: z.number().int(),
  leechAction: z.enum(LEECH_ACTIONS),
  reviewOrder: z.enum(REVIEW_ORDERS),
  newCardMix: z.enum(NEW_CARD_MIXES),
}) satisfies z.ZodType<PresetOptions, unknown>;

const PresetRowSchema = PresetOptionsRowSchema.extend({
  id: z.string(),
  name: z.string(),
  modules: z.number().int(),
  updatedAt: DateColumn,
});

/** A stored preset with the number of the learner's modules that use it. */
export type PresetRow = z.output<typeof PresetRowSchema>;

/** The learner's presets by name, each with how many of their modules use it. */
export async function selectPresets(db: Db, userId: string): Promise<PresetRow[]> {
  return queryRows(
    db,
    PresetRowSchema,
    Prisma.sql`SELECT p.id::text, p.name, ${PRESET_OPTION_COLUMNS}, p."updatedAt",
      (SELECT count(*)::int FROM enrollment e WHERE e."presetId" = p.id AND e."userId" = ${userId}) AS modules
      FROM scheduling_preset p WHERE p."userId" = ${userId} ORDER BY lower(p.name), p.id`,
    "selectPresets",
  );
}

/** Whether `userId` has a preset with this id. */
export async function presetExists(db: Db, userId: string, id: string): Promise<boolean> {
  return (await db.schedulingPreset.count({ where: { id, userId } })) > 0;
}

export async function countPresets(db: Db, userId: string): Promise<number> {
  return db.schedulingPreset.count({ where: { userId } });
}

/** Inserts a preset; false when the id is taken (a retried create), or when the learner already has one with this name. */
export async function insertPreset(db: Db, userId: string, id: string, name: string, options: PresetOptions, now: Date): Promise<boolean> {
  const created = await db.schedulingPreset.createMany({
    data: [{ id, userId, name, ...options, createdAt: now, updatedAt: now }],
    skipDuplicates: true,
  });
  return created.count === 1;
}

/** The owner and name of a preset id, whoever owns it (to tell a retried create from a clash). */
export async function selectPresetOwner(db: Db, id: string): Promise<{ userId: string; name: string } | null> {
  return db.schedulingPreset.findUnique({ where: { id }, select: { userId: true, name: true } });
}

/**
 * Locks one of the learner's presets for the rest of the transaction, so a
 * change and what it is compared with are one step; false when they have no
 * preset with this id.
 */
export function lockPreset(db: Db, userId: string, id: string): Promise<boolean> {
  return lockUserRow(db, "scheduling_preset", userId, id);
}

/** Changes one of the learner's presets; false when they have no preset with this id. */
export async function updatePreset(db: Db, userId: string, id: string, patch: Partial<PresetOptions> & { name?: string }, now: Date): Promise<boolean> {
  const updated = await db.schedulingPreset.updateMany({ where: { id, userId }, data: { ...patch, updatedAt: now } });
  return updated.count === 1;
}

/** Deletes one of the learner's presets; their modules on it go back to their settings (the foreign key sets null). */
export async function deletePreset(db: Db, userId: string, id: string): Promise<boolean> {
  const deleted = await db.schedulingPreset.deleteMany({ where: { id, userId } });
  return deleted.count === 1;
}
