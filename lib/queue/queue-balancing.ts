// The load balancer's view for a queue's rating buttons: so each button shows
// the day a review would pick, the due counts of every day the handed-out
// cards' intervals can land on, read once (lib/queue/due-load.ts).
import type { Db } from "../db/client";
import type { UserSettings } from "../data/user-settings";
import { selectDueLoad } from "./due-load";
import { balancedDaysReader, isBalancing, mergeDayRanges, type Balancing, type DayRange, type SchedulerSettings, type SchedulingState } from "../scheduling";

type Reader = (state: SchedulingState | null, now: Date) => DayRange[];

/**
 * Balancing for previews of `cards` at `now`, each scheduled with
 * `settingsFor(moduleId)`; undefined when the learner balances nothing or no
 * card's intervals are balanced. One scheduler per module's settings.
 */
export async function selectQueueBalancing(
  db: Db,
  userId: string,
  settings: Pick<UserSettings, "loadBalancing" | "easyDays" | "timeZone" | "dayStartHour">,
  cards: readonly { moduleId: string; state: SchedulingState | null }[],
  settingsFor: (moduleId: string) => SchedulerSettings,
  now: Date,
): Promise<Balancing | undefined> {
  if (!isBalancing(settings)) return undefined;
  const readers = new Map<string, Reader>();
  const daysOf = (card: (typeof cards)[number]): DayRange[] => {
    let read = readers.get(card.moduleId);
    if (!read) {
      read = balancedDaysReader(settingsFor(card.moduleId));
      readers.set(card.moduleId, read);
    }
    return read(card.state, now);
  };
  const days = mergeDayRanges(cards.flatMap(daysOf));
  if (days.length === 0) return undefined;
  const load = await selectDueLoad(db, userId, { timeZone: settings.timeZone, dayStartHour: settings.dayStartHour }, now, days);
  return { loadBalancing: settings.loadBalancing, easyDays: settings.easyDays, load };
}
