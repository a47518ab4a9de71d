// Wall-clock ↔ instant conversion in an IANA time zone, with Intl only.

const DAY_MS = 86_400_000;

/** A local calendar date and time; `month` is 1–12, `hour` 0–23. */
export type WallTime = { year: number; month: number; day: number; hour: number; minute: number; second: number };

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat("en-US", {
      timeZone,
      hourCycle: "h23",
      year: "numeric",
      month: "numeric",
      day: "numeric",
      hour: "numeric",
      minute: "numeric",
      second: "numeric",
    });
    formatters.set(timeZone, formatter);
  }
  return formatter;
}

/**
 * Whether `timeZone` is an IANA zone name this runtime knows ("Europe/Berlin",
 * "UTC"). Use it to validate a user's setting before it reaches the study-day
 * functions, which throw `RangeError` on an unknown zone.
 */
export function isValidTimeZone(timeZone: string): boolean {
  if (timeZone.trim() === "") return false;
  try {
    formatterFor(timeZone);
    return true;
  } catch {
    return false;
  }
}

/** The wall clock in `timeZone` at instant `ms` (ms since the epoch). Throws `RangeError` on an unknown zone. */
export function wallTimeAt(ms: number, timeZone: string): WallTime {
  const parts: Partial<Record<Intl.DateTimeFormatPartTypes, number>> = {};
  for (const part of formatterFor(timeZone).formatToParts(new Date(ms))) {
    if (part.type !== "literal") parts[part.type] = Number(part.value);
  }
  return {
    year: parts.year ?? 0,
    month: parts.month ?? 1,
    day: parts.day ?? 1,
    hour: parts.hour ?? 0,
    minute: parts.minute ?? 0,
    second: parts.second ?? 0,
  };
}

/** `wall` read as if it were UTC, in ms (the "wall ms" the conversions work in). */
export function wallToUtcMs(wall: WallTime): number {
  return Date.UTC(wall.year, wall.month - 1, wall.day, wall.hour, wall.minute, wall.second);
}

/** The zone's UTC offset at instant `ms`, in ms (east positive: Kolkata +19 800 000). */
function offsetAt(ms: number, timeZone: string): number {
  const wholeSecond = Math.floor(ms / 1000) * 1000;
  return wallToUtcMs(wallTimeAt(wholeSecond, timeZone)) - wholeSecond;
}

/**
 * The instant (ms) at which the clock in `timeZone` reads `wallMs` (a wall time
 * expressed as if UTC). Resolves DST like `Temporal`'s "compatible" mode: a
 * wall time that occurs twice (clocks set back) gives the earlier instant; one
 * skipped by a gap (clocks set forward) is pushed forward by the gap's length
 * (02:00 on Berlin's spring-forward day → 03:00 CEST). Assumes at most one
 * offset change within a day either side, true of every IANA zone today.
 */
export function instantOfWallTime(wallMs: number, timeZone: string): number {
  const offsetBefore = offsetAt(wallMs - DAY_MS, timeZone);
  const offsetAfter = offsetAt(wallMs + DAY_MS, timeZone);
  const candidates = [wallMs - offsetBefore, wallMs - offsetAfter].filter((instant) => instant + offsetAt(instant, timeZone) === wallMs).sort((a, b) => a - b);
  return candidates[0] ?? wallMs - offsetBefore;
}
