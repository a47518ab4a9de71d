// Load balancing and easy days, after Anki's load balancer
// (rslib/src/scheduler/states/load_balancer.rs). When a review card's
// interval is fuzzed, the day is not drawn uniformly from the fuzz range but
// weighted towards days with fewer cards already due, and away from weekdays
// the learner wants lighter. The range is ts-fsrs's own `get_fuzz_range`, so a
// balanced interval is always one plain fuzz could have produced.
import { get_fuzz_range } from "ts-fsrs";
import { seededRandom } from "../reference/seeded-random";

/** Anki's: past 90 days a card's exact day matters little, so plain fuzz is used. */
export const MAX_BALANCED_INTERVAL_DAYS = 90;
/** Every weekday at its normal load: easy days off. */
export const NORMAL_EASY_DAYS: readonly number[] = [100, 100, 100, 100, 100, 100, 100];
/** A weekday's share below which it counts as a minimum day (0%): closed while the range has an open day. */
const MINIMUM_SHARE = 0.0001;
/** Anki's exponents: fewer cards due weighs most; shorter intervals a little, so balancing does not drift late. */
const COUNT_EXPONENT = 2.15;
const INTERVAL_EXPONENT = 3;

/**
 * What the balancer knows of the days ahead, counted from the study day of
 * the review (offset 0; 1 is the next study day).
 */
export type DueLoad = {
  /** Cards already due on each study day from `firstOffset` on (`counts[i]` is day `firstOffset + i`); days outside count 0. */
  firstOffset: number;
  counts: ArrayLike<number>;
  /** Weekday of the review's study day, Monday 0 … Sunday 6 (in the learner's zone and day start). */
  weekday: number;
};

/** How a review card's day is picked within its fuzz range. */
export type Balancing = {
  /** Weight days by how few cards are due on them. */
  loadBalancing: boolean;
  /** Percent of a normal load wanted on each weekday, Monday first (7 integers 0–100). */
  easyDays: readonly number[];
  load: DueLoad;
};

/** Study days `min`…`max` (offsets from the review's study day, 1 the next), both included. */
export type DayRange = { min: number; max: number };

/** `ranges` sorted and merged where they overlap or touch: the fewest ranges covering the same days. */
export function mergeDayRanges(ranges: readonly DayRange[]): DayRange[] {
  const sorted = [...ranges].sort((a, b) => a.min - b.min);
  const merged: DayRange[] = [];
  for (const range of sorted) {
    const last = merged.at(-1);
    if (last && range.min <= last.max + 1) last.max = Math.max(last.max, range.max);
    else merged.push({ ...range });
  }
  return merged;
}

/** True when `balancing` changes anything: load balancing on, or some weekday below 100%. */
export function isBalancing(settings: Pick<Balancing, "loadBalancing" | "easyDays">): boolean {
  return settings.loadBalancing || settings.easyDays.some((percent) => percent < 100);
}

/** The latest day (offset from the review's study day) a balanced interval can land on: the top of the fuzz range of the longest balanced interval. */
export const LAST_BALANCED_DAY = get_fuzz_range(MAX_BALANCED_INTERVAL_DAYS, 0, Number.MAX_SAFE_INTEGER).max_ivl;

/** The days (offsets from the review's study day) an interval's fuzz may land on, or null when it is not balanced. */
export function balancedRange(interval: number, elapsedDays: number, maximumInterval: number): DayRange | null {
  if (interval < 2.5 || interval > MAX_BALANCED_INTERVAL_DAYS) return null;
  const { min_ivl, max_ivl } = get_fuzz_range(interval, elapsedDays, maximumInterval);
  if (min_ivl > MAX_BALANCED_INTERVAL_DAYS) return null;
  return { min: min_ivl, max: max_ivl };
}

const countOn = (load: DueLoad, offset: number): number => load.counts[offset - load.firstOffset] ?? 0;

/**
 * Anki's easy-day rule per day of the range: a 100% day is always open, a 0%
 * day closed, and a day in between open only while its load, scaled up by
 * its share, stays under the average load of the other days in the range.
 * Returns a weight factor per day: 1 open, 0 closed; when every day of the
 * range is closed, all are open (the card has to land somewhere). Anki closes
 * a day with a weight of 0.0001, which next to the tiny weights of busy days
 * still let a tenth of the cards onto an empty 0% day; here closed is closed.
 */
export function easyDayFactors(percents: readonly number[], weekdays: readonly number[], counts: ArrayLike<number>): number[] {
  const shareOf = (weekday: number) => Math.min(100, Math.max(0, percents[weekday] ?? 100)) / 100;
  const shares = weekdays.map((weekday) => Math.max(shareOf(weekday), MINIMUM_SHARE));
  let total = 0;
  for (let i = 0; i < weekdays.length; i += 1) total += counts[i] ?? 0;
  const totalShare = shares.reduce((sum, s) => sum + s, 0);
  const factors = weekdays.map((weekday, i) => {
    const share = shareOf(weekday);
    if (share >= 1) return 1;
    if (share <= 0) return 0;
    const count = counts[i] ?? 0;
    const othersAverage = (total - count) / (totalShare - (shares[i] ?? share));
    return count / share > othersAverage ? 0 : 1;
  });
  return factors.some((f) => f > 0) ? factors : factors.map(() => 1);
}

/** A string seed → a 32-bit integer (FNV-1a), for {@link seededRandom}. */
function hashSeed(seed: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < seed.length; i += 1) hash = Math.imul(hash ^ seed.charCodeAt(i), 0x01000193);
  return hash >>> 0;
}

/**
 * The interval (whole days) for a review card whose unfuzzed interval is
 * `interval`: a day of ts-fsrs's fuzz range drawn with weight
 * `(1 / (due + 1))^2.15 · (1 / day)^3 · easy-day factor`, where `due` is the
 * cards already due that day. Deterministic in `seed` (the review's fuzz seed),
 * so a retried review picks the same day. Null when the interval is not
 * balanced (under 2.5 days, or over 90): the caller fuzzes as usual.
 *
 * Unlike Anki, an empty day is weighed by the same formula (as 0 due), so an
 * empty 0% weekday is still avoided. `earliest` (default 1, the next study
 * day) leaves out the range's days before it, and gives null when none is
 * left: a reschedule counts from a review days ago and must not balance onto
 * days already past.
 */
export function balancedInterval(
  interval: number,
  elapsedDays: number,
  maximumInterval: number,
  balancing: Balancing,
  seed: string,
  earliest = 1,
): number | null {
  const range = balancedRange(interval, elapsedDays, maximumInterval);
  if (range === null || range.max < earliest) return null;
  const days: number[] = [];
  for (let day = Math.max(range.min, earliest); day <= range.max; day += 1) days.push(day);
  const counts = days.map((day) => countOn(balancing.load, day));
  const weekdays = days.map((day) => (balancing.load.weekday + day) % 7);
  const easy = easyDayFactors(balancing.easyDays, weekdays, counts);
  const weights = days.map((day, i) => {
    const byLoad = balancing.loadBalancing ? (1 / ((counts[i] ?? 0) + 1)) ** COUNT_EXPONENT * (1 / day) ** INTERVAL_EXPONENT : 1;
    return byLoad * (easy[i] ?? 1);
  });
  const total = weights.reduce((sum, w) => sum + w, 0);
  let target = seededRandom(hashSeed(seed))() * total;
  for (const [i, day] of days.entries()) {
    target -= weights[i] ?? 0;
    if (target < 0) return day;
  }
  return range.max;
}
