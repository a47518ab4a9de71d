import { describe, expect, it } from "vitest";
import { endOfDays, studyDaysFrom, studyDaysUntil, weekdayOf } from "@/lib/stats/study-days";

const BERLIN = { timeZone: "Europe/Berlin", dayStartHour: 4 };
const hoursLong = (days: { start: Date }[], end: Date) => days.map((d, i) => ((days[i + 1]?.start ?? end).getTime() - d.start.getTime()) / 3_600_000);

describe("studyDaysFrom", () => {
  it.each([
    {
      name: "Berlin spring forward: the day of the change is 23 hours",
      from: "2026-03-27T12:00:00Z",
      clock: BERLIN,
      keys: ["2026-03-27", "2026-03-28", "2026-03-29", "2026-03-30"],
      firstStart: "2026-03-27T03:00:00.000Z",
      hours: [24, 23, 24, 24],
    },
    {
      name: "Berlin fall back: the day of the change is 25 hours",
      from: "2026-10-24T12:00:00Z",
      clock: BERLIN,
      keys: ["2026-10-24", "2026-10-25", "2026-10-26"],
      firstStart: "2026-10-24T02:00:00.000Z",
      hours: [25, 24, 24],
    },
    {
      name: "before the day-start hour the study day is still yesterday's",
      from: "2026-03-10T02:30:00Z",
      clock: { timeZone: "UTC", dayStartHour: 4 },
      keys: ["2026-03-09", "2026-03-10"],
      firstStart: "2026-03-09T04:00:00.000Z",
      hours: [24, 24],
    },
    {
      name: "New York, midnight day start, across its spring forward",
      from: "2026-03-07T15:00:00Z",
      clock: { timeZone: "America/New_York", dayStartHour: 0 },
      keys: ["2026-03-07", "2026-03-08", "2026-03-09"],
      firstStart: "2026-03-07T05:00:00.000Z",
      hours: [24, 23, 24],
    },
  ])("$name", ({ from, clock, keys, firstStart, hours }) => {
    const days = studyDaysFrom(new Date(from), keys.length, clock);
    expect(days.map((d) => d.key)).toEqual(keys);
    expect(days[0]?.start.toISOString()).toBe(firstStart);
    expect(hoursLong(days, endOfDays(days, clock))).toEqual(hours);
  });
});

describe("studyDaysUntil", () => {
  it.each([
    { name: "ends today, oldest first", now: "2026-03-30T08:00:00Z", count: 3, keys: ["2026-03-28", "2026-03-29", "2026-03-30"] },
    { name: "before 04:00 local, today is yesterday's date", now: "2026-03-30T01:30:00Z", count: 2, keys: ["2026-03-28", "2026-03-29"] },
    { name: "back across fall back", now: "2026-10-26T12:00:00Z", count: 3, keys: ["2026-10-24", "2026-10-25", "2026-10-26"] },
    { name: "nothing asked, nothing given", now: "2026-03-30T08:00:00Z", count: 0, keys: [] },
  ])("$name", ({ now, count, keys }) => {
    expect(studyDaysUntil(new Date(now), count, BERLIN).map((d) => d.key)).toEqual(keys);
  });

  it("meets studyDaysFrom on the same days", () => {
    const now = new Date("2026-10-27T09:00:00Z");
    const back = studyDaysUntil(now, 5, BERLIN);
    const forward = studyDaysFrom(back[0]?.start ?? now, 5, BERLIN);
    expect(forward).toEqual(back);
  });
});

describe("weekdayOf", () => {
  it.each([
    { key: "2026-11-23", weekday: 0 },
    { key: "2026-11-29", weekday: 6 },
    { key: "2028-02-29", weekday: 1 },
  ])("$key is weekday $weekday", ({ key, weekday }) => {
    expect(weekdayOf(key)).toBe(weekday);
  });
});
