// Per-user settings: read with defaults, update with validation done at the edge.
import type { UserSettings } from "../db/generated/client";
import type { Db } from "../db/client";
import type { SettingsPatch } from "./settings-schema";

export type { UserSettings };

/** The user's settings, created with defaults on first read. */
export async function selectUserSettings(db: Db, userId: string): Promise<UserSettings> {
  const existing = await db.userSettings.findUnique({ where: { userId } });
  return existing ?? db.userSettings.upsert({ where: { userId }, create: { userId }, update: {} });
}

export async function updateUserSettings(db: Db, userId: string, patch: SettingsPatch): Promise<UserSettings> {
  return db.userSettings.upsert({ where: { userId }, create: { userId, ...patch }, update: patch });
}
