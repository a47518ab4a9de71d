// A learner's own modules: create, rename, describe, archive, delete; and how
// any module they can see (the public course included) feeds their review.
// The public course is read-only: only its study choice is the learner's.
import type { Db } from "../db/client";
import type { PrismaClient } from "../db/generated/client";
import { selectModuleSettings, upsertStudyChoice } from "../data/enrollment";
import { selectUserSettings } from "../data/user-settings";
import { moduleOptionsOf } from "../presets/module-options";
import { presetExists } from "../data/scheduling-preset";
import { countOwnModules, deleteModuleRow, insertOwnModule, selectVisibleModuleRow, updateModuleRow, type ModuleRow } from "../data/module";
import { AppError, conflict, forbidden, notFound } from "../errors/app-error";
import { quoteInput } from "../errors/quote-input";
import type { ModulePatch, NewModule, StudyPatch } from "./module-schemas";
import { lockUntilCommit } from "../db/advisory-lock";

/** Most modules one learner may own. */
export const MAX_OWN_MODULES = 500;

export type ModuleView = { id: string; slug: string; title: string; description: string; owned: boolean; archived: boolean };

function toView(row: ModuleRow, userId: string): ModuleView {
  return { id: row.id, slug: row.slug, title: row.title, description: row.description, owned: row.scope === userId, archived: row.archivedAt !== null };
}

async function visibleModule(db: Db, userId: string, slug: string): Promise<ModuleRow> {
  const row = await selectVisibleModuleRow(db, userId, slug);
  if (!row) throw notFound(`Module ${quoteInput(slug)}`);
  return row;
}

async function ownModule(db: Db, userId: string, slug: string): Promise<ModuleRow> {
  const row = await visibleModule(db, userId, slug);
  if (row.scope !== userId) throw forbidden("The built-in course is read-only: you can choose whether it feeds your review, not change it");
  return row;
}

/** A new, empty module of `userId`'s, feeding their daily review from now on. */
export async function createModule(db: Db, userId: string, module: NewModule, now: Date): Promise<ModuleView> {
  if ((await countOwnModules(db, userId)) >= MAX_OWN_MODULES) {
    throw new AppError("CONFLICT", `You have ${MAX_OWN_MODULES} modules, the most one account may keep; delete one first`);
  }
  const row = await insertOwnModule(db, userId, module, now);
  if (!row) throw conflict(`You already have a module called ${quoteInput(module.slug)}`);
  await upsertStudyChoice(db, userId, row.id, { studying: true }, now);
  return toView(row, userId);
}

export async function changeModule(db: Db, userId: string, slug: string, patch: ModulePatch, now: Date): Promise<ModuleView> {
  const row = await ownModule(db, userId, slug);
  const { archived, ...text } = patch;
  const archivedAt = archived === undefined ? undefined : archived ? (row.archivedAt ?? now) : null;
  return toView(await updateModuleRow(db, row.id, { ...text, archivedAt }, now), userId);
}

/** Deletes one of the learner's modules and its cards; `confirm` must repeat the slug. Their review log keeps the history. */
export async function deleteModule(db: Db, userId: string, slug: string, confirm: string): Promise<void> {
  const row = await ownModule(db, userId, slug);
  if (confirm !== row.slug) {
    throw new AppError("VALIDATION", "To delete a module, repeat its slug in `confirm`: its cards and their schedules go for good", [
      { path: "confirm", message: `must be ${quoteInput(row.slug)}` },
    ]);
  }
  await deleteModuleRow(db, row.id);
}

/** What a study choice calls for: "RETENTION" when the module's desired retention changed, so its review cards' due dates no longer match it. */
export type SavedStudyChoice = { rescheduleReason: "RETENTION" | null };

/**
 * Whether a module the learner can see feeds their review, its preset, and
 * its own retention and new-card limit; and whether the change calls for a
 * reschedule (the retention the module is scheduled with, from its preset or
 * its own, differs from before).
 */
export async function setStudyChoice(prisma: PrismaClient, userId: string, slug: string, patch: StudyPatch, now: Date): Promise<SavedStudyChoice> {
  return prisma.$transaction(async (tx) => {
    const row = await visibleModule(tx, userId, slug);
    if (row.archivedAt && patch.studying) throw conflict("This module is archived; restore it before studying it");
    if (patch.presetId && !(await presetExists(tx, userId, patch.presetId))) throw notFound("Preset");
    // Two devices saving the same module's choice at once take turns, so each compares with what the other left.
    await lockUntilCommit(tx, `study_choice:${userId}:${row.id}`);
    const settings = await selectUserSettings(tx, userId);
    const retention = async () => moduleOptionsOf(settings, (await selectModuleSettings(tx, userId, row.id)).get(row.id)).options.desiredRetention;
    const before = await retention();
    await upsertStudyChoice(tx, userId, row.id, patch, now);
    return { rescheduleReason: (await retention()) === before ? null : "RETENTION" };
  });
}
