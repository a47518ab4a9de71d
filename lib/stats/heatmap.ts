// Review heatmap: reviews per study day laid out as a GitHub-style grid,
// one column per week (Monday at the top), the current week last.
import { weekdayOf, type StudyDay } from "./study-days";

/** Full weeks of history the heatmap shows, counting the current (partial) week. */
export const HEATMAP_WEEKS = 26;

/** Shade steps above "no reviews"; level 0 means none. */
export const HEAT_LEVELS = 4;

export type HeatCell = { key: string; count: number; level: number };

export type Heatmap = {
  /** Columns of 7 slots, Monday … Sunday; null pads the days after today. */
  weeks: (HeatCell | null)[][];
  total: number;
  max: number;
  /** Study days with at least one review. */
  activeDays: number;
};

/**
 * How many study days the grid needs so it starts on a Monday `weeks - 1`
 * weeks before the week of `todayKey` ("YYYY-MM-DD") and ends today.
 */
export function heatmapDayCount(todayKey: string, weeks = HEATMAP_WEEKS): number {
  return (weeks - 1) * 7 + weekdayOf(todayKey) + 1;
}

/** Shade 0–4 of a day's count relative to the busiest day (`max` ≥ `count`). */
export function heatLevel(count: number, max: number): number {
  if (count <= 0 || max <= 0) return 0;
  return Math.min(HEAT_LEVELS, Math.ceil((count / max) * HEAT_LEVELS));
}

/**
 * Lays out `days` (consecutive, oldest first, the first a Monday — see
 * {@link heatmapDayCount}) with their counts from SQL: `buckets` maps a
 * width_bucket index over `days[].start` to a count, k for `days[k - 1]`.
 */
export function buildHeatmap(days: readonly StudyDay[], buckets: ReadonlyMap<number, number>): Heatmap {
  const counts = days.map((day, i) => ({ key: day.key, count: buckets.get(i + 1) ?? 0 }));
  const max = Math.max(0, ...counts.map((c) => c.count));
  const weeks: (HeatCell | null)[][] = [];
  for (const { key, count } of counts) {
    const weekday = weekdayOf(key);
    if (weekday === 0 || weeks.length === 0) weeks.push(Array.from({ length: 7 }, () => null));
    const week = weeks[weeks.length - 1];
    if (week) week[weekday] = { key, count, level: heatLevel(count, max) };
  }
  return {
    weeks,
    total: counts.reduce((sum, c) => sum + c.count, 0),
    max,
    activeDays: counts.filter((c) => c.count > 0).length,
  };
}
