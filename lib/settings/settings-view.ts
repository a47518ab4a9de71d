// The settings as the API and the settings page show them.
import type { UserSettings } from "../data/user-settings";
import { presetOptionsOf, type PresetOptions } from "../scheduling/preset-options";

export type SettingsView = PresetOptions & {
  dayStartHour: number;
  timeZone: string;
  buttonMode: "FOUR" | "TWO";
  theme: "SYSTEM" | "LIGHT" | "DARK";
  fsrsWeightsFittedAt: string | null;
  loadBalancing: boolean;
  easyDays: number[];
};

export function toSettingsView(row: UserSettings): SettingsView {
  return {
    ...presetOptionsOf(row),
    dayStartHour: row.dayStartHour,
    timeZone: row.timeZone,
    buttonMode: row.buttonMode,
    theme: row.theme,
    fsrsWeightsFittedAt: row.fsrsWeightsFittedAt?.toISOString() ?? null,
    loadBalancing: row.loadBalancing,
    easyDays: [...row.easyDays],
  };
}
