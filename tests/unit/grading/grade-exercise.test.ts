import { describe, expect, it } from "vitest";
import { gradeExercise } from "@/lib/grading";
import { fixtureExercise } from "./fixture-exercise";

type Case = {
  name: string;
  answers: Record<string, string>;
  score: number;
  correct?: boolean;
  stepScores?: [number, number];
  misconceptions?: string[];
  unparseable?: string[];
  feedback?: [string, RegExp];
  wrongElements?: number[][];
};

const cases: Case[] = [
  { name: "right answers score 1", answers: { mean: "3", centred: "[-2, -1, 3]" }, score: 1, correct: true, stepScores: [1, 1], misconceptions: [] },
  { name: "expressions are accepted", answers: { mean: "9/3", centred: "[-2, -1, 6 - 3]" }, score: 1, correct: true },
  {
    name: "one wrong step gets partial credit and is named",
    answers: { mean: "5", centred: "[-2, -1, 3]" },
    score: 2 / 3,
    correct: false,
    stepScores: [0, 1],
    misconceptions: [],
    feedback: ["mean", /Divide the sum by n/],
  },
  {
    name: "a wrong method is diagnosed by its code",
    answers: { mean: "9", centred: "[-8, -7, -3]" },
    score: 0,
    misconceptions: ["sum-not-mean"],
    feedback: ["mean", /sum, not the mean/],
  },
  {
    name: "a simply wrong answer names no misconception and states the tolerance",
    answers: { mean: "4", centred: "[-7, -7, -7]" },
    score: 0,
    misconceptions: [],
    feedback: ["mean", /^Not within tolerance: the answer must agree within 1%\. Divide the sum by n\.$/],
  },
  { name: "a misconception equal to the reference is not reported", answers: { mean: "3", centred: "[-2, -1, 3]" }, score: 1, misconceptions: [] },
  {
    name: "unreadable text is listed and scores 0",
    answers: { mean: "3 +", centred: "[-2, -1, 3]" },
    score: 2 / 3,
    unparseable: ["mean"],
    feedback: ["mean", /not graded/],
  },
  { name: "missing answers score 0 and say so", answers: {}, score: 0, unparseable: [], feedback: ["centred", /^No answer: this step scores 0\.$/] },
  { name: "blank text counts as missing, not unreadable", answers: { mean: "  ", centred: "[-2, -1, 3]" }, score: 2 / 3, unparseable: [] },
  {
    name: "one wrong element of a list gets fractional credit",
    answers: { mean: "3", centred: "[-2, -1, 4]" },
    score: (1 + 2 * (2 / 3)) / 3,
    stepScores: [1, 0.6667],
    wrongElements: [[2]],
    feedback: ["centred", /1 of 3 wrong: 3 \(each must agree within 1% or 0\.01\)/],
  },
  { name: "a list of the wrong length scores 0 for that step", answers: { mean: "3", centred: "[-2, -1]" }, score: 1 / 3, stepScores: [1, 0] },
  { name: "keys that are not steps are ignored", answers: { mean: "3", centred: "[-2, -1, 3]", extra: "1" }, score: 1 },
  { name: "inherited keys are not answers", answers: Object.create({ mean: "3" }) as Record<string, string>, score: 0 },
];

describe("gradeExercise", () => {
  it.each(cases)("$name", (c) => {
    const result = gradeExercise(fixtureExercise, 1, c.answers);
    // Scores are reported to 4 decimals.
    expect(result.score).toBeCloseTo(c.score, 4);
    expect(result.score).toBe(Math.round(result.score * 10_000) / 10_000);
    if (c.correct !== undefined) expect(result.correct).toBe(c.correct);
    if (c.stepScores) expect(result.steps.map((s) => s.score)).toEqual(c.stepScores.map((s) => expect.closeTo(s, 10)));
    if (c.misconceptions) expect(result.misconceptions).toEqual(c.misconceptions);
    if (c.unparseable) expect(result.unparseable).toEqual(c.unparseable);
    if (c.feedback) expect(result.steps.find((s) => s.step === c.feedback?.[0])?.feedback).toMatch(c.feedback[1]);
    if (c.wrongElements) expect(result.steps.find((s) => s.step === "centred")?.wrongElements).toEqual(c.wrongElements);
  });

  it("reports the expected values and the parsed answer", () => {
    const result = gradeExercise(fixtureExercise, 1, { mean: "4", centred: "[-2, -1, 3]" });
    expect(result.steps[0]).toMatchObject({ step: "mean", expected: 3, parsed: { kind: "scalar", value: 4 } });
    expect(result.steps[1]?.expected).toEqual([-2, -1, 3]);
  });

  it("grades against the seed's own numbers", () => {
    expect(gradeExercise(fixtureExercise, 2, { mean: "5", centred: "[-3, -1, 4]" }).score).toBe(1);
    expect(gradeExercise(fixtureExercise, 1, { mean: "5", centred: "[-3, -1, 4]" }).correct).toBe(false);
  });

  it("names the misconception on the step where it matched", () => {
    const result = gradeExercise(fixtureExercise, 1, { mean: "9", centred: "[-2, -1, 3]" });
    expect(result.steps[0]?.misconception?.code).toBe("sum-not-mean");
    expect(result.steps[1]?.misconception).toBeUndefined();
  });
});
