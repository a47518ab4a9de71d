import { describe, expect, it } from "vitest";
import { buildForecast } from "@/lib/stats/forecast";
import { buildHeatmap, heatLevel, heatmapDayCount } from "@/lib/stats/heatmap";
import { MIN_RETENTION_REVIEWS, trueRetention } from "@/lib/stats/retention";
import { studyDaysFrom, studyDaysUntil } from "@/lib/stats/study-days";

const UTC = { timeZone: "UTC", dayStartHour: 4 };

describe("buildForecast", () => {
  const days = studyDaysFrom(new Date("2026-11-23T10:00:00Z"), 4, UTC);
  it.each([
    { name: "nothing due", buckets: [], due: [0, 0, 0, 0], overdue: 0, total: 0, max: 0 },
    {
      name: "overdue folds into today",
      buckets: [
        [0, 5],
        [1, 2],
      ],
      due: [7, 0, 0, 0],
      overdue: 5,
      total: 7,
      max: 7,
    },
    {
      name: "bucket k is day k - 1",
      buckets: [
        [2, 3],
        [4, 9],
      ],
      due: [0, 3, 0, 9],
      overdue: 0,
      total: 12,
      max: 9,
    },
  ])("$name", ({ buckets, due, overdue, total, max }) => {
    const forecast = buildForecast(days, new Map(buckets as [number, number][]));
    expect(forecast.days.map((d) => d.due)).toEqual(due);
    expect(forecast.days.map((d) => d.key)).toEqual(["2026-11-23", "2026-11-24", "2026-11-25", "2026-11-26"]);
    expect(forecast).toMatchObject({ overdue, total, max });
  });
});

describe("heatmap", () => {
  it.each([
    { name: "Monday: 25 full weeks and one day", today: "2026-11-23", count: 176 },
    { name: "Sunday: 26 full weeks", today: "2026-11-29", count: 182 },
    { name: "Wednesday: 25 weeks and three days", today: "2026-11-25", count: 178 },
  ])("$name", ({ today, count }) => {
    expect(heatmapDayCount(today)).toBe(count);
  });

  it.each([
    { name: "none", count: 0, max: 10, level: 0 },
    { name: "the busiest day", count: 10, max: 10, level: 4 },
    { name: "a single review is still shaded", count: 1, max: 100, level: 1 },
    { name: "just over half", count: 6, max: 10, level: 3 },
  ])("level: $name", ({ count, max, level }) => {
    expect(heatLevel(count, max)).toBe(level);
  });

  it("lays study days into Monday-first weeks, across Berlin's fall back", () => {
    const clock = { timeZone: "Europe/Berlin", dayStartHour: 4 };
    // Wednesday 2026-10-28, 10 days: Monday 19th … Wednesday 28th.
    const days = studyDaysUntil(new Date("2026-10-28T12:00:00Z"), heatmapDayCount("2026-10-28", 2), clock);
    const heatmap = buildHeatmap(
      days,
      new Map([
        [1, 2],
        [7, 4],
        [10, 1],
      ]),
    );
    expect(heatmap.weeks).toHaveLength(2);
    expect(heatmap.weeks[0]?.map((c) => c?.key)).toEqual(["2026-10-19", "2026-10-20", "2026-10-21", "2026-10-22", "2026-10-23", "2026-10-24", "2026-10-25"]);
    expect(heatmap.weeks[1]?.map((c) => c?.count ?? null)).toEqual([0, 0, 1, null, null, null, null]);
    expect(heatmap.weeks[0]?.[6]).toEqual({ key: "2026-10-25", count: 4, level: 4 });
    expect(heatmap).toMatchObject({ total: 7, max: 4, activeDays: 3 });
  });
});

describe("trueRetention", () => {
  it.each([
    { name: "no reviews", reviews: 0, passed: 0, rate: null },
    { name: "under the threshold", reviews: MIN_RETENTION_REVIEWS - 1, passed: MIN_RETENTION_REVIEWS - 1, rate: null },
    { name: "at the threshold", reviews: MIN_RETENTION_REVIEWS, passed: MIN_RETENTION_REVIEWS - 1, rate: 0.9 },
    { name: "all forgotten", reviews: 40, passed: 0, rate: 0 },
  ])("$name", ({ reviews, passed, rate }) => {
    expect(trueRetention(30, reviews, passed)).toEqual({ days: 30, reviews, passed, rate });
  });
});
