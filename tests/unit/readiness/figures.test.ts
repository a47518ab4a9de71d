import { describe, expect, it } from "vitest";
import { accuracyFigure, openMisconceptions, retentionFigure, type MisconceptionSeen } from "@/lib/readiness/figures";

const day = (d: number, h = 12) => new Date(Date.UTC(2026, 10, d, h));

describe("retentionFigure", () => {
  it.each([
    { name: "no reviews", groups: [], expected: { retention: null, reviews: 0, passed: 0, needed: 10 } },
    {
      name: "below the threshold the share is withheld",
      groups: [{ state: "REVIEW", rating: 3, count: 9 }],
      expected: { retention: null, reviews: 9, passed: 9, needed: 1 },
    },
    {
      name: "Hard and Easy count as recalled, Again does not",
      groups: [
        { state: "REVIEW", rating: 1, count: 2 },
        { state: "REVIEW", rating: 2, count: 3 },
        { state: "REVIEW", rating: 3, count: 4 },
        { state: "REVIEW", rating: 4, count: 1 },
      ],
      expected: { retention: 0.8, reviews: 10, passed: 8, needed: 0 },
    },
    {
      name: "learning, relearning and new cards are left out",
      groups: [
        { state: "REVIEW", rating: 3, count: 10 },
        { state: "LEARNING", rating: 1, count: 7 },
        { state: "RELEARNING", rating: 1, count: 5 },
        { state: "NEW", rating: 1, count: 3 },
      ],
      expected: { retention: 1, reviews: 10, passed: 10, needed: 0 },
    },
    {
      name: "all forgotten",
      groups: [{ state: "REVIEW", rating: 1, count: 12 }],
      expected: { retention: 0, reviews: 12, passed: 0, needed: 0 },
    },
  ])("$name", ({ groups, expected }) => {
    expect(retentionFigure(groups)).toEqual(expected);
  });

  it("takes its threshold as an argument", () => {
    expect(retentionFigure([{ state: "REVIEW", rating: 3, count: 3 }], 3).retention).toBe(1);
  });
});

describe("accuracyFigure", () => {
  const attempts = (pattern: string) => [...pattern].map((c, i) => ({ correct: c === "1", createdAt: day(1 + i) }));

  it.each([
    { name: "no attempts", rows: [], total: 0, expected: { accuracy: null, recent: 0, attempts: 0, lastAttemptAt: null } },
    { name: "one right", rows: attempts("1"), total: 1, expected: { accuracy: 1, recent: 1, attempts: 1, lastAttemptAt: day(1) } },
    { name: "half right", rows: attempts("0101"), total: 4, expected: { accuracy: 0.5, recent: 4, attempts: 4, lastAttemptAt: day(4) } },
    // Oldest first: "11" then ten more of which 7 are right; only the newest ten count.
    {
      name: "only the latest ten count",
      rows: attempts("11" + "1110110101"),
      total: 12,
      expected: { accuracy: 0.7, recent: 10, attempts: 12, lastAttemptAt: day(12) },
    },
    {
      name: "the total is never below what was seen",
      rows: attempts("11"),
      total: 0,
      expected: { accuracy: 1, recent: 2, attempts: 2, lastAttemptAt: day(2) },
    },
  ])("$name", ({ rows, total, expected }) => {
    expect(accuracyFigure("x", [...rows].reverse(), total)).toEqual({ exerciseSlug: "x", ...expected });
  });
});

describe("openMisconceptions", () => {
  const seen = (exerciseSlug: string, code: string, lastSeen: Date): MisconceptionSeen => ({ exerciseSlug, code, count: 1, lastSeen });

  it.each([
    { name: "never followed by a pass: open", seen: [seen("mask", "upper-triangle", day(3))], lastCorrect: [], open: ["mask:upper-triangle"] },
    { name: "a later pass closes it", seen: [seen("mask", "upper-triangle", day(3))], lastCorrect: [["mask", day(4)]], open: [] },
    { name: "an earlier pass does not", seen: [seen("mask", "upper-triangle", day(3))], lastCorrect: [["mask", day(2)]], open: ["mask:upper-triangle"] },
    {
      name: "a pass at the same instant does not follow it",
      seen: [seen("mask", "upper-triangle", day(3))],
      lastCorrect: [["mask", day(3)]],
      open: ["mask:upper-triangle"],
    },
    {
      name: "a pass at another exercise does not close it",
      seen: [seen("mask", "upper-triangle", day(3))],
      lastCorrect: [["norm", day(5)]],
      open: ["mask:upper-triangle"],
    },
    {
      name: "newest first, closed ones dropped",
      seen: [seen("mask", "no-mask", day(1)), seen("norm", "sample-variance", day(6)), seen("mask", "upper-triangle", day(5))],
      lastCorrect: [["mask", day(2)]],
      open: ["norm:sample-variance", "mask:upper-triangle"],
    },
  ] as { name: string; seen: MisconceptionSeen[]; lastCorrect: [string, Date][]; open: string[] }[])("$name", ({ seen: rows, lastCorrect, open }) => {
    expect(openMisconceptions(rows, new Map(lastCorrect)).map((m) => `${m.exerciseSlug}:${m.code}`)).toEqual(open);
  });
});
