// Each module's rescheduler: the learner's weights, interval cap and study
// days, with the desired retention and steps of the module's preset (or of
// the learner's settings, the default preset), as a review of that module uses.
import type { Db } from "../db/client";
import { selectModuleSettings } from "../data/enrollment";
import { selectUserSettings } from "../data/user-settings";
import { moduleOptionsOf } from "../presets/module-options";
import { schedulerSettingsOf } from "../settings/scheduler-settings";
import type { StudyClock } from "../scheduling";
import { cardRescheduler, type CardRescheduler } from "./plan";

export type ModuleReschedulers = { clock: StudyClock; forModule: (moduleId: string) => CardRescheduler };

/** Reads the user's settings and module presets once; a module's rescheduler is built on first use. */
export async function loadModuleReschedulers(db: Db, userId: string): Promise<ModuleReschedulers> {
  const [settings, modules] = await Promise.all([selectUserSettings(db, userId), selectModuleSettings(db, userId)]);
  const own = cardRescheduler(schedulerSettingsOf(settings));
  const built = new Map<string, CardRescheduler>();
  return {
    clock: { timeZone: settings.timeZone, dayStartHour: settings.dayStartHour },
    forModule: (moduleId) => {
      const row = modules.get(moduleId);
      if (!row) return own;
      let rescheduler = built.get(moduleId);
      if (!rescheduler) {
        rescheduler = cardRescheduler(schedulerSettingsOf(settings, moduleOptionsOf(settings, row).options));
        built.set(moduleId, rescheduler);
      }
      return rescheduler;
    },
  };
}
