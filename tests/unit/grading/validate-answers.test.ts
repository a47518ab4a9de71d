import { describe, expect, it } from "vitest";
import { MAX_ANSWER_LENGTH } from "@/lib/answers";
import { validateAnswers } from "@/lib/grading";
import { fixtureExercise } from "./fixture-exercise";

type Case = { name: string; answers: Record<string, string>; issues: string[][] };

const cases: Case[] = [
  { name: "complete submission", answers: { mean: "3", centred: "[1, 2, 3]" }, issues: [] },
  { name: "unknown key", answers: { mean: "3", centred: "[1, 2, 3]", median: "2" }, issues: [["unknown-step", "median"]] },
  { name: "missing step", answers: { mean: "3" }, issues: [["missing-step", "centred"]] },
  { name: "blank step", answers: { mean: "3", centred: " " }, issues: [["missing-step", "centred"]] },
  { name: "text too long", answers: { mean: "1".repeat(MAX_ANSWER_LENGTH + 1), centred: "[1, 2, 3]" }, issues: [["too-long", "mean"]] },
];

describe("validateAnswers", () => {
  it.each(cases)("$name", ({ answers, issues }) => {
    const found = validateAnswers(fixtureExercise, answers);
    expect(found.map((i) => [i.code, i.step])).toEqual(issues);
    for (const issue of found) expect(issue.message.length).toBeGreaterThan(0);
  });
});

describe("validateAnswers: messages a learner reads", () => {
  it.each<{ name: string; answers: Record<string, string>; message: string }>([
    { name: "missing step names it in its own words and by number", answers: { mean: "3" }, message: "Enter x − mean (step 2)." },
    { name: "label starting with a capital reads inside a sentence", answers: { centred: "[1, 2, 3]" }, message: "Enter mean (step 1)." },
  ])("$name", ({ answers, message }) => {
    expect(validateAnswers(fixtureExercise, answers).map((i) => i.message)).toEqual([message]);
  });
});
