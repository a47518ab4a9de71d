import { describe, expect, it } from "vitest";
import { becameLeech, formatSteps, isLeech, parseSteps } from "@/lib/scheduling";
import { limitNote } from "@/lib/queue/limit-note";

describe("learning steps as people write them", () => {
  const cases: { text: string; minutes: number[] | null }[] = [
    { text: "1m 10m", minutes: [1, 10] },
    { text: " 1m, 10m,1d ", minutes: [1, 10, 1440] },
    { text: "15 2h", minutes: [15, 120] },
    { text: "", minutes: [] },
    { text: "1.5m", minutes: null },
    { text: "0m", minutes: null },
    { text: "31d", minutes: null },
    { text: "10s", minutes: null },
    { text: "1m 1m 1m 1m 1m 1m 1m 1m 1m 1m 1m", minutes: null },
  ];
  for (const { text, minutes } of cases) {
    it(`${JSON.stringify(text)} → ${JSON.stringify(minutes)}`, () => expect(parseSteps(text)).toEqual(minutes));
  }
  it("writes steps back in the largest unit that divides them", () => expect(formatSteps([1, 10, 90, 120, 1440, 2880])).toBe("1m 10m 90m 2h 1d 2d"));
});

describe("a preset's leech threshold", () => {
  const cases = [
    { name: "default 8: the 8th lapse", before: 7, after: 8, threshold: undefined, leech: true },
    { name: "default 8: again at 12", before: 11, after: 12, threshold: undefined, leech: true },
    { name: "default 8: not at 10", before: 9, after: 10, threshold: undefined, leech: false },
    { name: "threshold 4: the 4th lapse", before: 3, after: 4, threshold: 4, leech: true },
    { name: "threshold 4: again every 2 more", before: 5, after: 6, threshold: 4, leech: true },
    { name: "threshold 5: again every 3 more (half, rounded up)", before: 7, after: 8, threshold: 5, leech: true },
    { name: "threshold 1: every lapse", before: 2, after: 3, threshold: 1, leech: true },
    { name: "no new lapse, no leech", before: 4, after: 4, threshold: 4, leech: false },
  ];
  for (const c of cases) {
    it(c.name, () => expect(becameLeech({ lapses: c.before }, { lapses: c.after }, c.threshold)).toBe(c.leech));
  }
  it("isLeech follows the threshold", () => {
    expect(isLeech({ lapses: 5 }, 5)).toBe(true);
    expect(isLeech({ lapses: 5 })).toBe(false);
  });
});

describe("which limit holds, in words", () => {
  const base = { review: 0, reviewLimit: null, newLimit: null, maximumReviewsPerDay: 200, newCardsPerDay: 20 } as const;
  it("nothing held: no note", () => expect(limitNote(base)).toBeNull());
  it("the day's review limit", () =>
    expect(limitNote({ ...base, review: 12, reviewLimit: "day" })).toBe("12 due reviews wait for tomorrow: your limit is 200 reviews a day."));
  it("a module's preset", () =>
    expect(limitNote({ ...base, review: 1, reviewLimit: "module" })).toBe("1 due review waits for tomorrow: a module's preset caps its reviews a day."));
  it("new cards stopped by the review limit", () => expect(limitNote({ ...base, newLimit: "review-limit" })).toContain("New cards stop at the review limit"));
});
