// Whether a change to a preset (or its deletion) moves the desired retention
// a module is scheduled with, so its review cards call for a reschedule. Only
// modules the learner studies count, and each module's retention is read as a
// review reads it (`moduleOptionsOf`): its own retention wins over its preset's.
import type { Db } from "../db/client";
import { selectModuleSettings, selectStudiedModuleIdsOnPreset } from "../data/enrollment";
import { selectUserSettings } from "../data/user-settings";
import { moduleOptionsOf } from "./module-options";

/** A module's desired retention (0.70–0.99) by module id. */
export type ModuleRetentions = ReadonlyMap<string, number>;

async function retentionsOf(db: Db, userId: string, moduleIds: readonly string[]): Promise<ModuleRetentions> {
  if (moduleIds.length === 0) return new Map();
  const settings = await selectUserSettings(db, userId);
  const rows = await selectModuleSettings(db, userId);
  return new Map(moduleIds.map((id) => [id, moduleOptionsOf(settings, rows.get(id)).options.desiredRetention]));
}

/** The retention of each module the learner studies on preset `presetId`, read before changing or deleting it. */
export async function studiedRetentionsOnPreset(db: Db, userId: string, presetId: string): Promise<ModuleRetentions> {
  return retentionsOf(db, userId, await selectStudiedModuleIdsOnPreset(db, userId, presetId));
}

/** "RETENTION" when any module of `before` is now scheduled with another retention, else null; read in the same transaction as the change. */
export async function retentionRescheduleSince(db: Db, userId: string, before: ModuleRetentions): Promise<"RETENTION" | null> {
  const after = await retentionsOf(db, userId, [...before.keys()]);
  return [...before].some(([id, retention]) => after.get(id) !== retention) ? "RETENTION" : null;
}
