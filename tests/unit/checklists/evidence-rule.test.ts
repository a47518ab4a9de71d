import { describe, expect, it } from "vitest";
import { describeEvidence, evaluateExercisePassed, listStudyDays, readEvidenceRule, type EvidenceAttempt } from "@/lib/checklists/evidence-rule";

const RULE = { kind: "exercise-passed" as const, exerciseSlug: "causal-mask-row", distinctDays: 3 };
const pass = (iso: string): EvidenceAttempt => ({ createdAt: new Date(iso), correct: true });
const fail = (iso: string): EvidenceAttempt => ({ createdAt: new Date(iso), correct: false });

type Case = {
  name: string;
  attempts: EvidenceAttempt[];
  timeZone?: string;
  dayStartHour?: number;
  days: string[];
  completedAt: string | null;
};

const CASES: Case[] = [
  { name: "no attempts", attempts: [], days: [], completedAt: null },
  {
    name: "3 passes on 3 distinct days tick",
    attempts: [pass("2026-11-18T10:00:00Z"), pass("2026-11-20T10:00:00Z"), pass("2026-11-23T10:00:00Z")],
    days: ["2026-11-18", "2026-11-20", "2026-11-23"],
    completedAt: "2026-11-23T10:00:00Z",
  },
  {
    name: "3 passes on one day do not",
    attempts: [pass("2026-11-18T05:00:00Z"), pass("2026-11-18T12:00:00Z"), pass("2026-11-18T23:00:00Z")],
    days: ["2026-11-18"],
    completedAt: null,
  },
  {
    name: "failed attempts do not count",
    attempts: [pass("2026-11-18T10:00:00Z"), fail("2026-11-19T10:00:00Z"), fail("2026-11-20T10:00:00Z"), pass("2026-11-21T10:00:00Z")],
    days: ["2026-11-18", "2026-11-21"],
    completedAt: null,
  },
  {
    name: "order does not matter; completion is the first pass of the third day",
    attempts: [pass("2026-11-23T20:00:00Z"), pass("2026-11-23T10:00:00Z"), pass("2026-11-18T10:00:00Z"), pass("2026-11-20T10:00:00Z")],
    days: ["2026-11-18", "2026-11-20", "2026-11-23"],
    completedAt: "2026-11-23T10:00:00Z",
  },
  {
    name: "more days than needed: the earliest three are the evidence",
    attempts: ["15", "16", "17", "18"].map((d) => pass(`2026-11-${d}T10:00:00Z`)),
    days: ["2026-11-15", "2026-11-16", "2026-11-17"],
    completedAt: "2026-11-17T10:00:00Z",
  },
  {
    name: "UTC, 04:00 start: 03:59 belongs to the day before",
    attempts: [pass("2026-11-18T10:00:00Z"), pass("2026-11-19T03:59:00Z"), pass("2026-11-19T04:00:00Z")],
    dayStartHour: 4,
    days: ["2026-11-18", "2026-11-19"],
    completedAt: null,
  },
  {
    name: "UTC, midnight start: the same times are three days",
    attempts: [pass("2026-11-18T10:00:00Z"), pass("2026-11-19T03:59:00Z"), pass("2026-11-20T04:00:00Z")],
    dayStartHour: 0,
    days: ["2026-11-18", "2026-11-19", "2026-11-20"],
    completedAt: "2026-11-20T04:00:00Z",
  },
  {
    name: "Berlin (UTC+1): 23:30 UTC is already the next local day",
    attempts: [pass("2026-11-18T10:00:00Z"), pass("2026-11-18T23:30:00Z")],
    timeZone: "Europe/Berlin",
    dayStartHour: 0,
    days: ["2026-11-18", "2026-11-19"],
    completedAt: null,
  },
  {
    name: "Berlin, 04:00 start: 02:30 local after midnight is still yesterday",
    attempts: [pass("2026-11-18T10:00:00Z"), pass("2026-11-19T01:30:00Z")],
    timeZone: "Europe/Berlin",
    dayStartHour: 4,
    days: ["2026-11-18"],
    completedAt: null,
  },
  {
    name: "Los Angeles (UTC−8): two UTC dates, one local study day",
    attempts: [pass("2026-11-19T02:00:00Z"), pass("2026-11-19T06:00:00Z")],
    timeZone: "America/Los_Angeles",
    dayStartHour: 4,
    days: ["2026-11-18"],
    completedAt: null,
  },
  {
    name: "Kolkata (+05:30): the half-hour offset moves the boundary",
    attempts: [pass("2026-11-22T22:29:00Z"), pass("2026-11-22T22:30:00Z")],
    timeZone: "Asia/Kolkata",
    dayStartHour: 4,
    days: ["2026-11-22", "2026-11-23"],
    completedAt: null,
  },
];

describe("evaluateExercisePassed", () => {
  it.each(CASES)("$name", ({ attempts, timeZone, dayStartHour, days, completedAt }) => {
    const clock = { timeZone: timeZone ?? "UTC", dayStartHour: dayStartHour ?? 4 };
    const result = evaluateExercisePassed(RULE, attempts, clock);
    expect(result.days).toEqual(days);
    expect(result.complete).toBe(completedAt !== null);
    expect(result.completedAt?.toISOString() ?? null).toBe(completedAt === null ? null : new Date(completedAt).toISOString());
    expect(result).toMatchObject({ exerciseSlug: "causal-mask-row", needed: 3 });
  });

  it("a one-day rule ticks on the first pass", () => {
    const result = evaluateExercisePassed({ ...RULE, distinctDays: 1 }, [fail("2026-11-18T09:00:00Z"), pass("2026-11-18T10:00:00Z")], {
      timeZone: "UTC",
      dayStartHour: 4,
    });
    expect(result).toMatchObject({ complete: true, days: ["2026-11-18"] });
  });
});

describe("readEvidenceRule", () => {
  it.each([
    { name: "no rule", stored: null, expected: null },
    { name: "an exercise-passed rule", stored: RULE, expected: { kind: "rule", rule: RULE } },
    {
      name: "an unknown kind",
      stored: { kind: "lab-passed", lab: "kv" },
      expected: { kind: "unknown", note: 'evidence of kind "lab-passed" is not understood here' },
    },
    {
      name: "a known kind with bad fields",
      stored: { kind: "exercise-passed", exerciseSlug: "x", distinctDays: 0 },
      expected: { kind: "unknown", note: 'evidence of kind "exercise-passed" is not understood here' },
    },
    { name: "not an object", stored: "3 days", expected: { kind: "unknown", note: "the evidence rule could not be read" } },
  ])("$name", ({ stored, expected }) => {
    expect(readEvidenceRule(stored)).toEqual(expected);
  });
});

describe("describing evidence", () => {
  it.each([
    {
      name: "complete",
      days: ["2026-11-18", "2026-11-20", "2026-11-23"],
      needed: 3,
      complete: true,
      text: "passed on Nov 18, Nov 20 and Nov 23 — 3 of 3 days",
    },
    { name: "incomplete", days: ["2026-11-18"], needed: 3, complete: false, text: "passed on Nov 18 — 1 of 3 days so far" },
    { name: "two of two", days: ["2026-12-31", "2027-01-01"], needed: 2, complete: true, text: "passed on Dec 31 and Jan 1 — 2 of 2 days" },
    { name: "nothing yet", days: [], needed: 3, complete: false, text: "not passed yet — 0 of 3 days" },
    { name: "one-day rule", days: [], needed: 1, complete: false, text: "not passed yet — 0 of 1 day" },
  ])("$name", ({ days, needed, complete, text }) => {
    expect(describeEvidence({ days, needed, complete })).toBe(text);
  });

  it("lists days in the study day's own date, whatever the runtime zone", () => {
    expect(listStudyDays(["2026-11-01"])).toBe("Nov 1");
  });
});
