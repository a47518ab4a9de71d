// The settings as the API and the settings page show them.
import type { UserSettings } from "../data/user-settings";

export type SettingsView = {
  desiredRetention: number;
  newCardsPerDay: number;
  dayStartHour: number;
  timeZone: string;
  buttonMode: "FOUR" | "TWO";
  theme: "SYSTEM" | "LIGHT" | "DARK";
  fsrsWeightsFittedAt: string | null;
};

export function toSettingsView(row: UserSettings): SettingsView {
  return {
    desiredRetention: row.desiredRetention,
    newCardsPerDay: row.newCardsPerDay,
    dayStartHour: row.dayStartHour,
    timeZone: row.timeZone,
    buttonMode: row.buttonMode,
    theme: row.theme,
    fsrsWeightsFittedAt: row.fsrsWeightsFittedAt?.toISOString() ?? null,
  };
}
