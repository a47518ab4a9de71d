import { describe, expect, it } from "vitest";
import { LEECH_LAPSE_THRESHOLD, becameLeech, buttonRatings, isLeech, passFailRating } from "@/lib/scheduling";

describe("leeches", () => {
  it("the threshold is 8 lapses", () => {
    expect(LEECH_LAPSE_THRESHOLD).toBe(8);
  });

  const IS_LEECH: { name: string; lapses: number | null; leech: boolean }[] = [
    { name: "new card", lapses: null, leech: false },
    { name: "no lapses", lapses: 0, leech: false },
    { name: "7 lapses", lapses: 7, leech: false },
    { name: "8 lapses", lapses: 8, leech: true },
    { name: "15 lapses", lapses: 15, leech: true },
  ];
  for (const { name, lapses, leech } of IS_LEECH) {
    it(`isLeech: ${name} → ${leech}`, () => {
      expect(isLeech(lapses === null ? null : { lapses })).toBe(leech);
    });
  }

  const BECAME: { name: string; before: number | null; after: number; became: boolean }[] = [
    { name: "new card rated", before: null, after: 0, became: false },
    { name: "7th lapse", before: 6, after: 7, became: false },
    { name: "8th lapse", before: 7, after: 8, became: true },
    { name: "a pass while at 8 lapses", before: 8, after: 8, became: false },
    { name: "9th lapse", before: 8, after: 9, became: false },
    { name: "12th lapse flags it again", before: 11, after: 12, became: true },
    { name: "16th lapse flags it again", before: 15, after: 16, became: true },
    { name: "an undo back below the threshold", before: 8, after: 7, became: false },
  ];
  for (const { name, before, after, became } of BECAME) {
    it(`becameLeech: ${name} → ${became}`, () => {
      expect(becameLeech(before === null ? null : { lapses: before }, { lapses: after })).toBe(became);
    });
  }
});

describe("rating buttons", () => {
  it("two-button mode maps fail → Again and pass → Good", () => {
    expect(passFailRating("fail")).toBe(1);
    expect(passFailRating("pass")).toBe(3);
  });

  it("shows Again/Good in two-button mode and all four otherwise", () => {
    expect(buttonRatings("TWO")).toEqual([1, 3]);
    expect(buttonRatings("FOUR")).toEqual([1, 2, 3, 4]);
  });
});
