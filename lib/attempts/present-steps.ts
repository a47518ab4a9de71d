// What a learner or API client is shown of a graded step. Before a variant's
// answers are revealed a step says whether it is right, which elements are
// wrong and any named mistake, but not the expected value nor how far off the
// answer is (either would give the value away). Once revealed, both are shown.
import { formatNumber, type StepGrade } from "../grading";

/** A step's grade as answered; `expected` and `off` only once the variant's answers are revealed. */
export type PresentedStep = Omit<StepGrade, "parsed">;

const percent = (fraction: number): string => `${formatNumber(Math.abs(fraction) * 100, 3)}%`;

/** "Off by +0.034 (2.8% high)." for a revealed wrong step. */
export function describeDistance(off: NonNullable<StepGrade["off"]>): string {
  const sign = off.by > 0 ? "+" : "";
  const side = off.relative === null ? "" : ` (${percent(off.relative)} ${off.by > 0 ? "high" : "low"})`;
  return `Off by ${sign}${formatNumber(off.by, 4)}${side}.`;
}

/** `steps` as a client may see them while the variant is `revealed` or not. */
export function presentSteps(steps: readonly StepGrade[] | readonly PresentedStep[], revealed: boolean): PresentedStep[] {
  return steps.map((step) => {
    const { expected, off, ...rest } = "parsed" in step ? withoutParsed(step) : step;
    if (!revealed) return rest;
    const feedback = off && !rest.misconception ? `${rest.feedback} ${describeDistance(off)}` : rest.feedback;
    return { ...rest, feedback, ...(expected === undefined ? {} : { expected }), ...(off ? { off } : {}) };
  });
}

function withoutParsed({ parsed: _parsed, ...rest }: StepGrade): PresentedStep {
  return rest;
}
