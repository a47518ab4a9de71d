// The /stats figures for one user at `now`: due forecast, review heatmap,
// true retention and streak, each from one indexed query run in parallel.
import type { Db } from "../db/client";
import { selectUserSettings } from "../data/user-settings";
import { FORECAST_DAYS, buildForecast, type Forecast } from "./forecast";
import { buildHeatmap, heatmapDayCount, type Heatmap } from "./heatmap";
import { RETENTION_WINDOWS, trueRetention, type RetentionWindow } from "./retention";
import { selectDueBuckets, selectRetentionCounts, selectReviewBuckets, selectStreak } from "./stats-queries";
import type { StudyClock } from "../scheduling";
import { endOfDays, studyDaysFrom, studyDaysUntil } from "./study-days";

export type StatsView = {
  /** Today's study day ("YYYY-MM-DD") and the zone it is counted in. */
  today: string;
  timeZone: string;
  forecast: Forecast;
  heatmap: Heatmap;
  retention: RetentionWindow[];
  /** Consecutive study days with a review, ending today (or yesterday while today has none). */
  streak: number;
};

/** Everything /stats shows for `userId` at `now`, in the user's time zone and day-start hour. */
export async function getStats(db: Db, userId: string, now: Date): Promise<StatsView> {
  const settings = await selectUserSettings(db, userId);
  const clock: StudyClock = { timeZone: settings.timeZone, dayStartHour: settings.dayStartHour };
  const ahead = studyDaysFrom(now, FORECAST_DAYS, clock);
  const today = ahead[0];
  if (!today) throw new Error("the forecast has no days");
  const todayEnd = endOfDays([today], clock);
  const heatmapDays = heatmapDayCount(today.key);
  const history = studyDaysUntil(now, Math.max(heatmapDays, ...RETENTION_WINDOWS), clock);
  const behind = history.slice(-heatmapDays);
  const windowStarts = RETENTION_WINDOWS.map((days) => history[history.length - days]?.start ?? today.start);

  const [due, reviews, retention, streak] = await Promise.all([
    selectDueBuckets(
      db,
      userId,
      ahead.map((d) => d.start),
      endOfDays(ahead, clock),
    ),
    selectReviewBuckets(
      db,
      userId,
      behind.map((d) => d.start),
      todayEnd,
    ),
    selectRetentionCounts(db, userId, windowStarts, todayEnd),
    selectStreak(db, userId, clock, now, today.key),
  ]);
  return {
    today: today.key,
    timeZone: clock.timeZone,
    forecast: buildForecast(ahead, due),
    heatmap: buildHeatmap(behind, reviews),
    retention: RETENTION_WINDOWS.map((days, i) => trueRetention(days, retention[i]?.reviews ?? 0, retention[i]?.passed ?? 0)),
    streak,
  };
}
