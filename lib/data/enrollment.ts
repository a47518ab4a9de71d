// Data access for enrollment: which modules a user studies, and the new-card
// cursor the queue keeps per enrollment (see selectNewRows).
import type { Db } from "../db/client";

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

/** The desired retention each studied module overrides, by module id (modules that follow the user's settings are absent). */
export async function selectModuleRetentions(db: Db, userId: string): Promise<Map<string, number>> {
  const rows = await db.enrollment.findMany({
    where: { userId, studying: true, desiredRetention: { not: null } },
    select: { moduleId: true, desiredRetention: true },
  });
  return new Map(rows.flatMap((r) => (r.desiredRetention === null ? [] : [[r.moduleId, r.desiredRetention] as const])));
}

export type StudyChoice = { studying?: boolean; desiredRetention?: number | null; newCardsPerDay?: number | null };

/** Sets how a module feeds the user's daily review, enrolling them first (as of `now`) when they were not. */
export async function upsertStudyChoice(db: Db, userId: string, moduleId: string, choice: StudyChoice, now: Date): Promise<void> {
  await db.enrollment.upsert({
    where: { userId_moduleId: { userId, moduleId } },
    create: { userId, moduleId, enrolledAt: now, ...choice },
    update: choice,
  });
}
