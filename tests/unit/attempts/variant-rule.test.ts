// The reveal rule: tries before the answers are shown, and what a client sees of a step.
import { describe, expect, it } from "vitest";
import { presentSteps } from "@/lib/attempts/present-steps";
import { afterRevealRequest, afterTry, FRESH_VARIANT, TRIES_PER_VARIANT, variantStatus, type VariantState } from "@/lib/attempts/variant-rule";
import type { StepGrade } from "@/lib/grading";

const T0 = new Date("2026-11-18T10:00:00Z");
const T1 = new Date("2026-11-18T10:05:00Z");

const tries = (results: boolean[], start: VariantState = FRESH_VARIANT): VariantState => results.reduce((s, correct) => afterTry(s, correct, T0), start);

describe("afterTry", () => {
  it.each([
    { name: "a wrong first try leaves the answers hidden", results: [false], tries: 1, because: null },
    { name: "two wrong tries leave one", results: [false, false], tries: 2, because: null },
    { name: "the last wrong try shows the answers", results: [false, false, false], tries: TRIES_PER_VARIANT, because: "TRIES_USED" },
    { name: "a pass shows them", results: [false, true], tries: 2, because: "PASSED" },
    { name: "tries after the reveal are not counted", results: [false, false, false, true, false], tries: TRIES_PER_VARIANT, because: "TRIES_USED" },
  ])("$name", ({ results, tries: count, because }) => {
    const state = tries(results);
    expect(state).toMatchObject({ tries: count, revealedBecause: because });
    expect(state.revealedAt).toEqual(because ? T0 : null);
  });

  it("a single-try attempt shows the answers whatever its result", () => {
    expect(afterTry(FRESH_VARIANT, false, T0, true)).toEqual({ tries: 1, revealedAt: T0, revealedBecause: "SINGLE_TRY" });
  });

  it("a reveal on request ends the variant once; asking again keeps the first reveal", () => {
    const revealed = afterRevealRequest(tries([false]), T0);
    expect(revealed).toEqual({ tries: 1, revealedAt: T0, revealedBecause: "REQUESTED" });
    expect(afterRevealRequest(revealed, T1)).toBe(revealed);
    expect(variantStatus(revealed)).toMatchObject({ revealed: true, triesLeft: 0 });
    expect(variantStatus(tries([false]))).toMatchObject({ revealed: false, triesLeft: 2, triesAllowed: 3 });
  });
});

describe("presentSteps", () => {
  const wrong: StepGrade = {
    step: "mean",
    score: 0,
    correct: false,
    expected: 2.5,
    off: { by: 0.5, relative: 0.2 },
    feedback: "Not within tolerance: the answer must agree within 1%.",
    parsed: { ok: true, kind: "scalar", value: 3 } as StepGrade["parsed"],
  };

  it("hides the expected value and the distance before the reveal", () => {
    const [step] = presentSteps([wrong], false);
    expect(step).toEqual({ step: "mean", score: 0, correct: false, feedback: wrong.feedback });
    expect(JSON.stringify(step)).not.toContain("2.5");
  });

  it("shows both once revealed, the distance in words", () => {
    const [step] = presentSteps([wrong], true);
    expect(step).toMatchObject({ expected: 2.5, off: { by: 0.5, relative: 0.2 } });
    expect(step?.feedback).toBe("Not within tolerance: the answer must agree within 1%. Off by +0.5 (20% high).");
    expect(step).not.toHaveProperty("parsed");
  });
});
