// The one adapter from a user_settings row to the scheduler's settings.
import type { SchedulerSettings } from "../scheduling";
import type { UserSettings } from "../data/user-settings";

export function schedulerSettingsOf(row: UserSettings): SchedulerSettings {
  return {
    desiredRetention: row.desiredRetention,
    maximumIntervalDays: row.maximumIntervalDays,
    weights: row.fsrsWeights,
  };
}
