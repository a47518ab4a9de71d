// Each module's rescheduler: the learner's weights, interval cap and study
// days, with the desired retention and steps of the module's preset (or of
// the learner's settings, the default preset), as a review of that module uses;
// when the learner balances, all of them share one due load (rescheduling-load.ts).
import type { Db } from "../db/client";
import { selectModuleSettings } from "../data/enrollment";
import { selectUserSettings } from "../data/user-settings";
import { moduleOptionsOf } from "../presets/module-options";
import { schedulerSettingsOf } from "../settings/scheduler-settings";
import { LAST_BALANCED_DAY, isBalancing, type StudyClock } from "../scheduling";
import { selectDueLoad } from "../queue/due-load";
import { RESCHEDULE_CANDIDATE_SQL } from "./candidates";
import { cardRescheduler, type CardRescheduler } from "./plan";
import { reschedulingLoad, type ReschedulingLoad } from "./rescheduling-load";

export type ModuleReschedulers = {
  clock: StudyClock;
  forModule: (moduleId: string) => CardRescheduler;
  /** A review card the run leaves as it is (reviewed meanwhile, or moved by the run before a retry): it stays on its day. */
  leave: (due: Date) => void;
};

/**
 * Reads the user's settings and module presets once, and, when they balance,
 * the cards due on each study day from today's (at `now`) to the last a
 * balanced interval reaches, bar the review cards to reschedule (each is
 * counted as the run meets it); a module's rescheduler is built on first use.
 */
export async function loadModuleReschedulers(db: Db, userId: string, now: Date): Promise<ModuleReschedulers> {
  const [settings, modules] = await Promise.all([selectUserSettings(db, userId), selectModuleSettings(db, userId)]);
  const clock = { timeZone: settings.timeZone, dayStartHour: settings.dayStartHour };
  let load: ReschedulingLoad | undefined;
  if (isBalancing(settings)) {
    const due = await selectDueLoad(db, userId, clock, now, [{ min: 0, max: LAST_BALANCED_DAY }], RESCHEDULE_CANDIDATE_SQL);
    load = reschedulingLoad(settings, clock, now, due.counts);
  }
  const own = cardRescheduler(schedulerSettingsOf(settings), load);
  const built = new Map<string, CardRescheduler>();
  return {
    clock,
    leave: (due) => load?.place(due),
    forModule: (moduleId) => {
      const row = modules.get(moduleId);
      if (!row) return own;
      let rescheduler = built.get(moduleId);
      if (!rescheduler) {
        rescheduler = cardRescheduler(schedulerSettingsOf(settings, moduleOptionsOf(settings, row).options), load);
        built.set(moduleId, rescheduler);
      }
      return rescheduler;
    },
  };
}
