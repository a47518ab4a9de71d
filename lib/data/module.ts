// Data access for module rows a learner writes directly: their own modules'
// names, archiving and deletion. (Imports write modules through
// lib/content/import-module.ts, in the import's own transaction.)
import type { Db } from "../db/client";
import { Prisma } from "../db/generated/client";

export type ModuleRow = { id: string; scope: string; slug: string; title: string; description: string; archivedAt: Date | null };

const SELECT = { id: true, scope: true, slug: true, title: true, description: true, archivedAt: true } as const;

/** The module `slug` as `userId` sees it: their own when they have one by that slug, else the public one, else null. */
export async function selectVisibleModuleRow(db: Db, userId: string, slug: string): Promise<ModuleRow | null> {
  const rows = await db.module.findMany({ where: { slug, scope: { in: ["public", userId] } }, select: SELECT });
  return rows.find((m) => m.scope === userId) ?? rows[0] ?? null;
}

/** The ids of the modules `userId` owns (at most MAX_OWN_MODULES): their cards are the ones they may edit. */
export async function selectOwnModuleIds(db: Db, userId: string): Promise<Set<string>> {
  const rows = await db.module.findMany({ where: { scope: userId }, select: { id: true } });
  return new Set(rows.map((r) => r.id));
}

export async function countOwnModules(db: Db, userId: string): Promise<number> {
  return db.module.count({ where: { scope: userId } });
}

/** Creates an empty module owned by `userId`; null when they already have one with this slug. */
export async function insertOwnModule(
  db: Db,
  userId: string,
  module: { slug: string; title: string; description: string },
  now: Date,
): Promise<ModuleRow | null> {
  try {
    return await db.module.create({
      data: { ...module, scope: userId, ownerId: userId, sourceHash: "", createdAt: now, updatedAt: now },
      select: SELECT,
    });
  } catch (error) {
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") return null;
    throw error;
  }
}

export async function updateModuleRow(
  db: Db,
  id: string,
  change: { title?: string; description?: string; archivedAt?: Date | null },
  now: Date,
): Promise<ModuleRow> {
  return db.module.update({ where: { id }, data: { ...change, updatedAt: now }, select: SELECT });
}

/**
 * Deletes a module with its cards, their states and its enrolments and
 * checklist. Review log rows stay (review_log.cardId has no foreign key), so
 * the export and the optimiser keep the history.
 */
export async function deleteModuleRow(db: Db, id: string): Promise<void> {
  await db.module.delete({ where: { id } });
}
