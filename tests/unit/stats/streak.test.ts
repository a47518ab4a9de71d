import { describe, expect, it } from "vitest";
import { currentStreak, previousDay } from "@/lib/stats/streak";

describe("currentStreak", () => {
  it.each([
    { name: "no reviews", days: [], today: "2026-03-10", streak: 0 },
    { name: "only today", days: ["2026-03-10"], today: "2026-03-10", streak: 1 },
    { name: "alive through yesterday", days: ["2026-03-08", "2026-03-09"], today: "2026-03-10", streak: 2 },
    { name: "broken by a gap", days: ["2026-03-06", "2026-03-08", "2026-03-09", "2026-03-10"], today: "2026-03-10", streak: 3 },
    { name: "ended two days ago", days: ["2026-03-07", "2026-03-08"], today: "2026-03-10", streak: 0 },
    { name: "across a month end", days: ["2026-02-27", "2026-02-28", "2026-03-01"], today: "2026-03-01", streak: 3 },
    { name: "order and duplicates do not matter", days: ["2026-03-10", "2026-03-09", "2026-03-10"], today: "2026-03-10", streak: 2 },
  ])("$name", ({ days, today, streak }) => {
    expect(currentStreak(days, today)).toBe(streak);
  });

  it("steps back over a leap day", () => {
    expect(previousDay("2028-03-01")).toBe("2028-02-29");
  });
});
