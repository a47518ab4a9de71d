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

/** The wall clock in `timeZone` at instant `ms`, read from Intl (~15–20 µs a call). */
function wallTimeFromIntl(ms: number, timeZone: string): WallTime {
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

/** The zone's UTC offset at instant `ms` from Intl, in ms (east positive: Kolkata +19 800 000). */
function offsetFromIntl(ms: number, timeZone: string): number {
  const wholeSecond = Math.floor(ms / 1000) * 1000;
  return wallToUtcMs(wallTimeFromIntl(wholeSecond, timeZone)) - wholeSecond;
}

// Offsets remembered per zone and quarter hour. Every offset change since 1970
// falls on a quarter hour of UTC, but the cache does not rely on it: a quarter
// whose first and last second have different offsets is remembered as holding a
// change, and its instants are read from Intl. The review path alone converts a
// dozen instants, and the same day starts recur on every request of a learner.
const QUARTER_HOUR_MS = 15 * 60_000;
/** Across all zones (a few MB at most); all are forgotten at once when it is reached. */
const MAX_REMEMBERED_QUARTERS = 100_000;
const quarterOffsets = new Map<string, Map<number, number | null>>();
let rememberedQuarters = 0;

/** The zone's UTC offset at instant `ms`, in ms (east positive: Kolkata +19 800 000). */
function offsetAt(ms: number, timeZone: string): number {
  const quarter = Math.floor(ms / QUARTER_HOUR_MS);
  if (rememberedQuarters >= MAX_REMEMBERED_QUARTERS) {
    quarterOffsets.clear();
    rememberedQuarters = 0;
  }
  let offsets = quarterOffsets.get(timeZone);
  if (!offsets) {
    offsets = new Map();
    quarterOffsets.set(timeZone, offsets);
  }
  let offset = offsets.get(quarter);
  if (offset === undefined) {
    rememberedQuarters++;
    const first = offsetFromIntl(quarter * QUARTER_HOUR_MS, timeZone);
    offset = first === offsetFromIntl((quarter + 1) * QUARTER_HOUR_MS - 1000, timeZone) ? first : null;
    offsets.set(quarter, offset);
  }
  return offset ?? offsetFromIntl(ms, timeZone);
}

/** The wall clock in `timeZone` at instant `ms` (ms since the epoch). Throws `RangeError` on an unknown zone. */
export function wallTimeAt(ms: number, timeZone: string): WallTime {
  const wall = new Date(Math.floor(ms / 1000) * 1000 + offsetAt(ms, timeZone));
  return {
    year: wall.getUTCFullYear(),
    month: wall.getUTCMonth() + 1,
    day: wall.getUTCDate(),
    hour: wall.getUTCHours(),
    minute: wall.getUTCMinutes(),
    second: wall.getUTCSeconds(),
  };
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
