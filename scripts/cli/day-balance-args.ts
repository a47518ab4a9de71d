// `easy-days [mon=100 … sun=0] [--balancing on|off]`-style arguments → a
// day-balance command, or a usage message. Pure.
import { z } from "zod";

export const WEEKDAY_NAMES = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"] as const;

/** Weekday index (Monday 0) → percent 0–100 to set; `loadBalancing` to switch; nothing: show. */
export type DayBalanceCommand = { days: Partial<Record<number, number>>; loadBalancing?: boolean };

export const DAY_BALANCE_USAGE = [
  "  easy-days                                   show load balancing and the review load wanted on each weekday",
  "  easy-days sun=0 sat=50 [balancing=on|off]   set weekdays' load (0–100%, mon … sun) and load balancing",
].join("\n");

const PercentSchema = z.coerce.number().int("a whole percent").min(0).max(100);

type Parsed = { ok: true; command: DayBalanceCommand } | { ok: false; message: string };

/** `rest`: the words after `easy-days`, each `day=percent` or `balancing=on|off`. */
export function parseDayBalanceCommand(rest: readonly string[]): Parsed {
  const command: DayBalanceCommand = { days: {} };
  for (const word of rest) {
    const [key = "", value = "", ...extra] = word.toLowerCase().split("=");
    if (extra.length > 0 || value === "") return { ok: false, message: `\`${word}\`: expected day=percent (mon … sun) or balancing=on|off` };
    if (key === "balancing") {
      if (value !== "on" && value !== "off") return { ok: false, message: "balancing is on or off" };
      command.loadBalancing = value === "on";
      continue;
    }
    const day = WEEKDAY_NAMES.indexOf(key as (typeof WEEKDAY_NAMES)[number]);
    if (day < 0) return { ok: false, message: `\`${key}\` is not a weekday: use mon, tue, wed, thu, fri, sat or sun` };
    const percent = PercentSchema.safeParse(value);
    if (!percent.success) return { ok: false, message: `${key}: the load is a whole percent from 0 to 100` };
    command.days[day] = percent.data;
  }
  return { ok: true, command };
}
