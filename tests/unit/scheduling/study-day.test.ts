import { describe, expect, it } from "vitest";
import { isValidTimeZone, studyDayEnd, studyDayKey, studyDayStart } from "@/lib/scheduling";

type Case = { name: string; now: string; timeZone: string; hour: number; key: string; start: string; end: string };

const HOUR_MS = 3_600_000;

const CASES: Case[] = [
  {
    name: "UTC, midnight start",
    now: "2026-11-23T10:00:00.000Z",
    timeZone: "UTC",
    hour: 0,
    key: "2026-11-23",
    start: "2026-11-23T00:00:00.000Z",
    end: "2026-11-24T00:00:00.000Z",
  },
  {
    name: "UTC, a second before the 04:00 start belongs to yesterday",
    now: "2026-11-23T03:59:59.000Z",
    timeZone: "UTC",
    hour: 4,
    key: "2026-11-22",
    start: "2026-11-22T04:00:00.000Z",
    end: "2026-11-23T04:00:00.000Z",
  },
  {
    name: "UTC, the start instant itself begins the day",
    now: "2026-11-23T04:00:00.000Z",
    timeZone: "UTC",
    hour: 4,
    key: "2026-11-23",
    start: "2026-11-23T04:00:00.000Z",
    end: "2026-11-24T04:00:00.000Z",
  },
  {
    name: "UTC, new year's eve after midnight",
    now: "2027-01-01T02:00:00.000Z",
    timeZone: "UTC",
    hour: 4,
    key: "2026-12-31",
    start: "2026-12-31T04:00:00.000Z",
    end: "2027-01-01T04:00:00.000Z",
  },

  {
    name: "Berlin, spring forward: the 23-hour day",
    now: "2026-03-29T00:30:00.000Z",
    timeZone: "Europe/Berlin",
    hour: 4,
    key: "2026-03-28",
    start: "2026-03-28T03:00:00.000Z",
    end: "2026-03-29T02:00:00.000Z",
  },
  {
    name: "Berlin, first day on summer time",
    now: "2026-03-29T02:00:00.000Z",
    timeZone: "Europe/Berlin",
    hour: 4,
    key: "2026-03-29",
    start: "2026-03-29T02:00:00.000Z",
    end: "2026-03-30T02:00:00.000Z",
  },
  {
    name: "Berlin, start hour inside the gap begins at 03:00 CEST",
    now: "2026-03-29T12:00:00.000Z",
    timeZone: "Europe/Berlin",
    hour: 2,
    key: "2026-03-29",
    start: "2026-03-29T01:00:00.000Z",
    end: "2026-03-30T00:00:00.000Z",
  },
  {
    name: "Berlin, just before the gap",
    now: "2026-03-29T00:59:00.000Z",
    timeZone: "Europe/Berlin",
    hour: 2,
    key: "2026-03-28",
    start: "2026-03-28T01:00:00.000Z",
    end: "2026-03-29T01:00:00.000Z",
  },
  {
    name: "Berlin, fall back: the 25-hour day",
    now: "2026-10-25T02:30:00.000Z",
    timeZone: "Europe/Berlin",
    hour: 4,
    key: "2026-10-24",
    start: "2026-10-24T02:00:00.000Z",
    end: "2026-10-25T03:00:00.000Z",
  },
  {
    name: "Berlin, repeated start hour takes its first occurrence",
    now: "2026-10-25T00:30:00.000Z",
    timeZone: "Europe/Berlin",
    hour: 2,
    key: "2026-10-25",
    start: "2026-10-25T00:00:00.000Z",
    end: "2026-10-26T01:00:00.000Z",
  },
  {
    name: "Berlin, inside the repeated hour's second pass",
    now: "2026-10-25T01:30:00.000Z",
    timeZone: "Europe/Berlin",
    hour: 2,
    key: "2026-10-25",
    start: "2026-10-25T00:00:00.000Z",
    end: "2026-10-26T01:00:00.000Z",
  },

  {
    name: "New York, spring forward: the 23-hour day",
    now: "2026-03-08T07:30:00.000Z",
    timeZone: "America/New_York",
    hour: 4,
    key: "2026-03-07",
    start: "2026-03-07T09:00:00.000Z",
    end: "2026-03-08T08:00:00.000Z",
  },
  {
    name: "New York, first day on daylight time",
    now: "2026-03-08T08:30:00.000Z",
    timeZone: "America/New_York",
    hour: 4,
    key: "2026-03-08",
    start: "2026-03-08T08:00:00.000Z",
    end: "2026-03-09T08:00:00.000Z",
  },
  {
    name: "New York, start hour inside the gap begins at 03:00 EDT",
    now: "2026-03-08T12:00:00.000Z",
    timeZone: "America/New_York",
    hour: 2,
    key: "2026-03-08",
    start: "2026-03-08T07:00:00.000Z",
    end: "2026-03-09T06:00:00.000Z",
  },
  {
    name: "New York, fall back: the 25-hour day",
    now: "2026-11-01T05:30:00.000Z",
    timeZone: "America/New_York",
    hour: 4,
    key: "2026-10-31",
    start: "2026-10-31T08:00:00.000Z",
    end: "2026-11-01T09:00:00.000Z",
  },
  {
    name: "New York, second pass of the repeated 01:00 hour",
    now: "2026-11-01T06:30:00.000Z",
    timeZone: "America/New_York",
    hour: 1,
    key: "2026-11-01",
    start: "2026-11-01T05:00:00.000Z",
    end: "2026-11-02T06:00:00.000Z",
  },

  {
    name: "Auckland, late evening is a UTC day ahead",
    now: "2026-11-23T10:00:00.000Z",
    timeZone: "Pacific/Auckland",
    hour: 4,
    key: "2026-11-23",
    start: "2026-11-22T15:00:00.000Z",
    end: "2026-11-23T15:00:00.000Z",
  },
  {
    name: "Auckland, 03:30 local is still yesterday",
    now: "2026-11-22T14:30:00.000Z",
    timeZone: "Pacific/Auckland",
    hour: 4,
    key: "2026-11-22",
    start: "2026-11-21T15:00:00.000Z",
    end: "2026-11-22T15:00:00.000Z",
  },
  {
    name: "Auckland, end of daylight time: 25 hours",
    now: "2026-04-04T12:00:00.000Z",
    timeZone: "Pacific/Auckland",
    hour: 4,
    key: "2026-04-04",
    start: "2026-04-03T15:00:00.000Z",
    end: "2026-04-04T16:00:00.000Z",
  },
  {
    name: "Auckland, start of daylight time: 23 hours",
    now: "2026-09-26T13:00:00.000Z",
    timeZone: "Pacific/Auckland",
    hour: 4,
    key: "2026-09-26",
    start: "2026-09-25T16:00:00.000Z",
    end: "2026-09-26T15:00:00.000Z",
  },

  {
    name: "Kolkata (+05:30), a second before the start",
    now: "2026-11-22T22:29:59.000Z",
    timeZone: "Asia/Kolkata",
    hour: 4,
    key: "2026-11-22",
    start: "2026-11-21T22:30:00.000Z",
    end: "2026-11-22T22:30:00.000Z",
  },
  {
    name: "Kolkata (+05:30), at the start",
    now: "2026-11-22T22:30:00.000Z",
    timeZone: "Asia/Kolkata",
    hour: 4,
    key: "2026-11-23",
    start: "2026-11-22T22:30:00.000Z",
    end: "2026-11-23T22:30:00.000Z",
  },
];

describe("study day", () => {
  for (const c of CASES) {
    it(c.name, () => {
      const now = new Date(c.now);
      expect(studyDayKey(now, c.timeZone, c.hour)).toBe(c.key);
      expect(studyDayStart(now, c.timeZone, c.hour).toISOString()).toBe(c.start);
      expect(studyDayEnd(now, c.timeZone, c.hour).toISOString()).toBe(c.end);
    });
  }

  const ZONES = ["UTC", "Europe/Berlin", "America/New_York", "Pacific/Auckland", "Asia/Kolkata", "Australia/Lord_Howe"];
  for (const timeZone of ZONES) {
    it(`${timeZone}: through 2026 every instant lies in one 23–25 hour day whose end starts the next`, () => {
      for (const hour of [0, 2, 4]) {
        for (let t = Date.UTC(2026, 0, 1); t < Date.UTC(2027, 0, 1); t += 11 * HOUR_MS + 17 * 60_000) {
          const now = new Date(t);
          const start = studyDayStart(now, timeZone, hour);
          const end = studyDayEnd(now, timeZone, hour);
          const where = `${timeZone} hour ${hour} at ${now.toISOString()}`;
          expect(start.getTime(), where).toBeLessThanOrEqual(t);
          expect(end.getTime(), where).toBeGreaterThan(t);
          expect(end.getTime() - start.getTime(), where).toBeGreaterThanOrEqual(23 * HOUR_MS);
          expect(end.getTime() - start.getTime(), where).toBeLessThanOrEqual(25 * HOUR_MS);
          expect(studyDayStart(end, timeZone, hour).getTime(), where).toBe(end.getTime());
          expect(studyDayKey(start, timeZone, hour), where).toBe(studyDayKey(now, timeZone, hour));
        }
      }
    });
  }

  const ZONE_NAMES: { name: string; valid: boolean }[] = [
    { name: "UTC", valid: true },
    { name: "Europe/Berlin", valid: true },
    { name: "America/New_York", valid: true },
    { name: "Asia/Kolkata", valid: true },
    { name: "Pacific/Auckland", valid: true },
    { name: "", valid: false },
    { name: "Mars/Olympus_Mons", valid: false },
    { name: "Europe/Berlinn", valid: false },
    { name: "not a zone", valid: false },
  ];
  for (const { name, valid } of ZONE_NAMES) {
    it(`isValidTimeZone(${JSON.stringify(name)}) → ${valid}`, () => {
      expect(isValidTimeZone(name)).toBe(valid);
    });
  }

  it("throws RangeError on an unknown zone or a bad start hour", () => {
    const now = new Date("2026-11-23T10:00:00.000Z");
    expect(() => studyDayStart(now, "Mars/Olympus_Mons", 4)).toThrow(RangeError);
    expect(() => studyDayEnd(now, "UTC", 24)).toThrow(RangeError);
    expect(() => studyDayKey(now, "UTC", -1)).toThrow(RangeError);
    expect(() => studyDayKey(now, "UTC", 3.5)).toThrow(RangeError);
  });
});
