// The one adapter from a user_settings row (and a module's preset) to the scheduler's settings.
import type { SchedulerSettings } from "../scheduling";
import type { UserSettings } from "../data/user-settings";
import type { PresetOptions } from "../scheduling/preset-options";

type SchedulerColumns = Pick<UserSettings, "desiredRetention" | "maximumIntervalDays" | "fsrsWeights" | "timeZone" | "dayStartHour"> &
  Pick<PresetOptions, "learningStepsMinutes" | "relearningStepsMinutes">;

/**
 * The scheduler's settings for a learner: their weights, interval cap and
 * study days (elapsed days are counted in them), with the retention and steps
 * of `options` (a module's preset) or else their own (the default preset).
 */
export function schedulerSettingsOf(
  row: SchedulerColumns,
  options?: Pick<PresetOptions, "desiredRetention" | "learningStepsMinutes" | "relearningStepsMinutes">,
): SchedulerSettings {
  const chosen = options ?? row;
  return {
    desiredRetention: chosen.desiredRetention,
    maximumIntervalDays: row.maximumIntervalDays,
    weights: row.fsrsWeights,
    learningStepsMinutes: chosen.learningStepsMinutes,
    relearningStepsMinutes: chosen.relearningStepsMinutes,
    studyClock: { timeZone: row.timeZone, dayStartHour: row.dayStartHour },
  };
}
