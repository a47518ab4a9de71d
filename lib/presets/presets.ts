// A learner's presets: listed with their settings (the default preset),
// created idempotently, changed, deleted. A change applies to what is
// scheduled next: nothing here touches a card's state or the review log; a
// change or deletion that moves a studied module's retention says so, so the
// caller can offer the reschedule.
import type { Db } from "../db/client";
import type { PrismaClient } from "../db/generated/client";
import {
  countPresets,
  deletePreset,
  insertPreset,
  lockPreset,
  selectPresetOwner,
  selectPresets,
  updatePreset,
  type PresetRow,
} from "../data/scheduling-preset";
import { selectUserSettings } from "../data/user-settings";
import { AppError, conflict, notFound } from "../errors/app-error";
import { quoteInput } from "../errors/quote-input";
import { presetOptionsOf, type PresetOptions } from "../scheduling/preset-options";
import type { NewPreset, PresetPatch } from "./preset-schemas";
import { retentionRescheduleSince, studiedRetentionsOnPreset } from "./preset-retention";

/** Most presets one learner may keep. */
export const MAX_PRESETS = 50;

export type PresetView = PresetOptions & { id: string; name: string; modules: number; updatedAt: string };

/** The default preset (the learner's settings) and their named presets. */
export type PresetList = { defaults: PresetOptions; presets: PresetView[] };

function toView(row: PresetRow): PresetView {
  return { ...presetOptionsOf(row), id: row.id, name: row.name, modules: row.modules, updatedAt: row.updatedAt.toISOString() };
}

export async function listPresets(db: Db, userId: string): Promise<PresetList> {
  const [settings, rows] = await Promise.all([selectUserSettings(db, userId), selectPresets(db, userId)]);
  return { defaults: presetOptionsOf(settings), presets: rows.map(toView) };
}

async function presetView(db: Db, userId: string, id: string): Promise<PresetView> {
  const row = (await selectPresets(db, userId)).find((p) => p.id === id);
  if (!row) throw notFound("Preset");
  return toView(row);
}

/**
 * Creates a preset: the options sent, the rest copied from the learner's
 * settings. Sending the same id again returns the preset as it is (201 the
 * first time, 200 after: `created`).
 */
export async function createPreset(db: Db, userId: string, input: NewPreset, now: Date): Promise<{ preset: PresetView; created: boolean }> {
  const { id, name, ...options } = input;
  const owner = await selectPresetOwner(db, id);
  if (owner) {
    if (owner.userId !== userId) throw conflict("This preset id is already in use");
    return { preset: await presetView(db, userId, id), created: false };
  }
  if ((await countPresets(db, userId)) >= MAX_PRESETS) {
    throw new AppError("CONFLICT", `You have ${MAX_PRESETS} presets, the most one account may keep; delete one first`);
  }
  const base = presetOptionsOf(await selectUserSettings(db, userId));
  if (!(await insertPreset(db, userId, id, name, { ...base, ...options }, now))) {
    const again = await selectPresetOwner(db, id);
    if (again?.userId === userId) return { preset: await presetView(db, userId, id), created: false };
    throw conflict(`You already have a preset called ${quoteInput(name)}`);
  }
  return { preset: await presetView(db, userId, id), created: true };
}

/** What a change or deletion calls for: "RETENTION" when a module the learner studies is now scheduled with another retention (see preset-retention.ts). */
export type PresetRescheduleReason = "RETENTION" | null;

export type ChangedPreset = { preset: PresetView; rescheduleReason: PresetRescheduleReason };
export type RemovedPreset = { rescheduleReason: PresetRescheduleReason };

/**
 * Changes a preset's name or options; its modules are scheduled with them
 * from the next review on. The reason is decided against the modules'
 * retention read in the same transaction, with the preset locked.
 */
export async function changePreset(prisma: PrismaClient, userId: string, id: string, patch: PresetPatch, now: Date): Promise<ChangedPreset> {
  try {
    return await prisma.$transaction(async (tx) => {
      if (!(await lockPreset(tx, userId, id))) throw notFound("Preset");
      const before = await studiedRetentionsOnPreset(tx, userId, id);
      await updatePreset(tx, userId, id, patch, now);
      return { preset: await presetView(tx, userId, id), rescheduleReason: await retentionRescheduleSince(tx, userId, before) };
    });
  } catch (error) {
    if (error instanceof Error && "code" in error && error.code === "P2002") throw conflict(`You already have a preset called ${quoteInput(patch.name ?? "")}`);
    throw error;
  }
}

/**
 * Deletes a preset; its modules follow the learner's settings again, which
 * calls for a reschedule when that moves a studied module's retention.
 * Deleting one already gone is not an error (a retried delete): no reason.
 */
export async function removePreset(prisma: PrismaClient, userId: string, id: string): Promise<RemovedPreset> {
  return prisma.$transaction(async (tx) => {
    if (!(await lockPreset(tx, userId, id))) return { rescheduleReason: null };
    const before = await studiedRetentionsOnPreset(tx, userId, id);
    await deletePreset(tx, userId, id);
    return { rescheduleReason: await retentionRescheduleSince(tx, userId, before) };
  });
}
