// Data access for enrollment: which modules a user studies, and the new-card
// cursor the queue keeps per enrollment (see selectNewRows).
import { z } from "zod";
import type { Db } from "../db/client";
import { Prisma } from "../db/generated/client";
import { queryRows } from "../db/rows";
import { PresetOptionsRowSchema } from "./scheduling-preset";

/** Enrolls the user in these modules as of `now`; modules already enrolled are left as they are. */
export async function insertEnrollments(db: Db, userId: string, moduleIds: readonly string[], now: Date): Promise<void> {
  if (moduleIds.length === 0) return;
  await db.enrollment.createMany({
    data: moduleIds.map((moduleId) => ({ userId, moduleId, enrolledAt: now })),
    skipDuplicates: true,
  });
}

/** Lets the new-card scan see cards at or after `position` again (after an undo or an import). */
export async function lowerNewCursors(db: Db, where: { moduleId: string; userId?: string }, position: number): Promise<void> {
  await db.enrollment.updateMany({ where: { ...where, newCursor: { gt: position } }, data: { newCursor: position } });
}

/** Raises one enrollment's cursor to `position` (never lowers it). */
export async function raiseNewCursor(db: Db, userId: string, moduleId: string, position: number): Promise<void> {
  await db.enrollment.updateMany({ where: { userId, moduleId, newCursor: { lt: position } }, data: { newCursor: position } });
}

const ModuleSettingsRowSchema = z.object({
  moduleId: z.string(),
  presetId: z.string().nullable(),
  desiredRetention: z.number().nullable(),
  newCardsPerDay: z.number().int().nullable(),
  preset: PresetOptionsRowSchema.nullable(),
});

/** A module's own settings: its preset (null: the learner's settings) and the module's own retention and new-card limit. */
export type ModuleSettingsRow = z.output<typeof ModuleSettingsRowSchema>;

/**
 * The settings of every module the learner is enrolled in that departs from
 * their own (a preset or an override), by module id; with `moduleId`, that
 * module's only. One statement: the queue and each review read it.
 */
export async function selectModuleSettings(db: Db, userId: string, moduleId?: string): Promise<Map<string, ModuleSettingsRow>> {
  const rows = await queryRows(
    db,
    ModuleSettingsRowSchema,
    Prisma.sql`SELECT e."moduleId"::text AS "moduleId", e."presetId"::text AS "presetId", e."desiredRetention", e."newCardsPerDay",
        CASE WHEN p.id IS NULL THEN NULL ELSE to_jsonb(p) END AS preset
      FROM enrollment e LEFT JOIN scheduling_preset p ON p.id = e."presetId"
      WHERE e."userId" = ${userId} AND (e."presetId" IS NOT NULL OR e."desiredRetention" IS NOT NULL OR e."newCardsPerDay" IS NOT NULL)
        ${moduleId === undefined ? Prisma.empty : Prisma.sql`AND e."moduleId" = ${moduleId}::uuid`}`,
    "selectModuleSettings",
  );
  return new Map(rows.map((r) => [r.moduleId, r]));
}

/** The modules on preset `presetId` that the learner studies (in their review and not archived). */
export async function selectStudiedModuleIdsOnPreset(db: Db, userId: string, presetId: string): Promise<string[]> {
  const rows = await db.enrollment.findMany({
    where: { userId, presetId, studying: true, module: { archivedAt: null } },
    select: { moduleId: true },
  });
  return rows.map((row) => row.moduleId);
}

export type StudyChoice = { studying?: boolean; desiredRetention?: number | null; newCardsPerDay?: number | null; presetId?: string | null };

/** Sets how a module feeds the user's daily review, enrolling them first (as of `now`) when they were not. */
export async function upsertStudyChoice(db: Db, userId: string, moduleId: string, choice: StudyChoice, now: Date): Promise<void> {
  await db.enrollment.upsert({
    where: { userId_moduleId: { userId, moduleId } },
    create: { userId, moduleId, enrolledAt: now, ...choice },
    update: choice,
  });
}
