// wallTimeAt remembers offsets per quarter hour (lib/scheduling/zoned-time.ts);
// these tests hold it to Intl's own answer at and around offset changes,
// including zones whose changes fall on half and quarter hours.
import { describe, expect, it } from "vitest";
import { instantOfWallTime, wallTimeAt, wallToUtcMs } from "@/lib/scheduling/zoned-time";

const ZONES = ["Europe/Berlin", "America/New_York", "America/St_Johns", "Australia/Lord_Howe", "Pacific/Chatham", "Asia/Kathmandu", "UTC"];
const MINUTE_MS = 60_000;

const formats = new Map<string, Intl.DateTimeFormat>();

/** The wall clock as Intl reads it, independently of the module under test. */
function intlWallMs(ms: number, timeZone: string): number {
  const format =
    formats.get(timeZone) ??
    new Intl.DateTimeFormat("en-US", {
      timeZone,
      hourCycle: "h23",
      year: "numeric",
      month: "numeric",
      day: "numeric",
      hour: "numeric",
      minute: "numeric",
      second: "numeric",
    });
  formats.set(timeZone, format);
  const parts = Object.fromEntries(format.formatToParts(new Date(ms)).map((p) => [p.type, Number(p.value)]));
  return Date.UTC(parts.year ?? 0, (parts.month ?? 1) - 1, parts.day ?? 1, parts.hour ?? 0, parts.minute ?? 0, parts.second ?? 0);
}

/** Instants where the zone's offset changes in 2026–2027, found by Intl at minute resolution. */
function offsetChanges(timeZone: string): number[] {
  const changes: number[] = [];
  const offset = (ms: number) => intlWallMs(ms, timeZone) - ms;
  const from = Date.UTC(2026, 0, 1);
  const until = Date.UTC(2028, 0, 1);
  const step = 6 * 60 * MINUTE_MS;
  for (let t = from; t < until; t += step) {
    if (offset(t) === offset(t + step)) continue;
    let low = t;
    let high = t + step;
    while (high - low > MINUTE_MS) {
      const mid = low + Math.floor((high - low) / 2 / MINUTE_MS) * MINUTE_MS;
      if (offset(mid) === offset(low)) low = mid;
      else high = mid;
    }
    changes.push(high);
  }
  return changes;
}

describe("wallTimeAt", () => {
  it.each(ZONES)("agrees with Intl to the second around every offset change of 2026–2027 in %s", (timeZone) => {
    const changes = offsetChanges(timeZone);
    if (timeZone === "Europe/Berlin") expect(changes).toHaveLength(4);
    const instants = changes.flatMap((change) => Array.from({ length: 241 }, (_, i) => change + (i - 120) * 37_000 + (i % 7) * 123));
    // The same instants twice: the second pass reads remembered offsets.
    for (const ms of [...instants, ...instants]) {
      expect(wallToUtcMs(wallTimeAt(ms, timeZone))).toBe(intlWallMs(ms, timeZone));
    }
  });

  it("reads an instant long before 1970 and far ahead as Intl does", () => {
    for (const ms of [Date.UTC(1901, 5, 1, 12, 0, 7), Date.UTC(2099, 9, 26, 0, 59, 59)]) {
      for (const timeZone of ZONES) expect(wallToUtcMs(wallTimeAt(ms, timeZone))).toBe(intlWallMs(ms, timeZone));
    }
  });
});

describe("instantOfWallTime", () => {
  it("round-trips every quarter hour of Berlin's autumn change day, taking the first of a repeated hour", () => {
    const day = Date.UTC(2026, 9, 25);
    for (let wall = day; wall < day + 24 * 60 * MINUTE_MS; wall += 15 * MINUTE_MS) {
      const instant = instantOfWallTime(wall, "Europe/Berlin");
      expect(intlWallMs(instant, "Europe/Berlin")).toBe(wall);
      // 02:00–02:59 happens twice; the earlier reading (summer time, +2 h) is the one given.
      const repeated = wall >= day + 2 * 60 * MINUTE_MS && wall < day + 3 * 60 * MINUTE_MS;
      expect(wall - instant).toBe(repeated || wall < day + 2 * 60 * MINUTE_MS ? 2 * 60 * MINUTE_MS : 60 * MINUTE_MS);
    }
  });
});
