// Saving the settings form: the patch applied, and which reschedule the
// change calls for, decided against the settings it replaced (read in the
// same transaction, so two saves at once each compare with what they changed).
import type { PrismaClient } from "../db/generated/client";
import { selectUserSettings, updateUserSettings, type UserSettings, type UserSettingsPatch } from "../data/user-settings";
import { rescheduleReasonOf, type SettingsRescheduleReason } from "./reschedule-reason";

export type SavedSettings = { settings: UserSettings; rescheduleReason: SettingsRescheduleReason | null };

/** Applies a validated patch to the user's settings (creating the row if missing); see `rescheduleReasonOf`. */
export async function saveSettings(prisma: PrismaClient, userId: string, patch: UserSettingsPatch, now: Date): Promise<SavedSettings> {
  return prisma.$transaction(async (tx) => {
    const before = await selectUserSettings(tx, userId);
    const settings = await updateUserSettings(tx, userId, patch, now);
    return { settings, rescheduleReason: rescheduleReasonOf(before, settings) };
  });
}
