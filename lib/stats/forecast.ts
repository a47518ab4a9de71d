// Due forecast: how many cards fall due on each of the coming study days.
import type { StudyDay } from "./study-days";

/** How many study days the forecast shows, today included. */
export const FORECAST_DAYS = 30;

export type ForecastDay = { key: string; due: number };

export type Forecast = {
  /** One entry per study day, today first; today's count includes the overdue cards. */
  days: ForecastDay[];
  /** Cards whose due time passed before today's study day began. */
  overdue: number;
  /** Sum of `days[].due`. */
  total: number;
  /** The largest `days[].due` (0 when nothing is due), for scaling bars. */
  max: number;
};

/**
 * Assembles the forecast from SQL bucket counts. `buckets` maps a
 * width_bucket index over `days[].start` to a count: 0 holds everything due
 * before `days[0]` (overdue), k holds `days[k - 1]`. Missing buckets are 0.
 */
export function buildForecast(days: readonly StudyDay[], buckets: ReadonlyMap<number, number>): Forecast {
  const overdue = buckets.get(0) ?? 0;
  const out = days.map((day, i) => ({ key: day.key, due: (buckets.get(i + 1) ?? 0) + (i === 0 ? overdue : 0) }));
  const total = out.reduce((sum, d) => sum + d.due, 0);
  return { days: out, overdue, total, max: Math.max(0, ...out.map((d) => d.due)) };
}
