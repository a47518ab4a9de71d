// Which "reschedule to match" a settings change calls for: the due dates of
// review cards follow the desired retention, and, when the learner balances,
// load balancing and easy days; a change to any of them leaves existing cards
// where the old settings put them until they are rescheduled. Pure.
import type { UserSettings } from "../data/user-settings";

/** The reschedule a settings change calls for (the reason the run is logged with). */
export type SettingsRescheduleReason = "RETENTION" | "BALANCING";

type Compared = Pick<UserSettings, "desiredRetention" | "loadBalancing" | "easyDays">;

/**
 * "RETENTION" when the desired retention changed (it moves every card, and a
 * reschedule for it balances too, so it wins when both changed), "BALANCING"
 * when load balancing or any weekday's easy-day load changed, else null.
 */
export function rescheduleReasonOf(before: Compared, after: Compared): SettingsRescheduleReason | null {
  if (before.desiredRetention !== after.desiredRetention) return "RETENTION";
  const sameDays = before.easyDays.length === after.easyDays.length && before.easyDays.every((percent, i) => percent === after.easyDays[i]);
  if (before.loadBalancing !== after.loadBalancing || !sameDays) return "BALANCING";
  return null;
}
