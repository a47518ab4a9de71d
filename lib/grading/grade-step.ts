// Grading one answer box: read the text, compare with the reference, name a matching wrong method.
import { compareAnswer, DEFAULT_TOLERANCE, parseAnswer, type ExpectedValue } from "../answers";
import { diagnoseStep, type RankedWrongMethod, type WrongMethodValues } from "./diagnose-steps";
import type { StepSpec } from "./exercise-definition";
import type { DiagnosedMisconception, StepDistance, StepGrade } from "./grade-result";

export type { WrongMethodValues } from "./diagnose-steps";

/** A step's verdict plus whether its text was unreadable (so the attempt should not count). */
export type StepOutcome = { grade: StepGrade; unparseable: boolean };

const withHint = (text: string, hint: string | undefined): string => (hint ? `${text} ${hint}` : text);

/** The named mistake in words, with the other one that fits as well when there is one. */
const mistakeFeedback = (m: DiagnosedMisconception): string => (m.alsoPossible ? `${m.message} It could also be: ${m.alsoPossible.title}.` : m.message);

/** The wrong element farthest from its expected value (relative distance when defined, else absolute). */
function farthestOff(elements: readonly { expected: number; actual: number; correct: boolean }[]): StepDistance | undefined {
  let worst: StepDistance | undefined;
  let worstSize = -1;
  for (const e of elements) {
    if (e.correct) continue;
    const by = e.actual - e.expected;
    const relative = e.expected === 0 ? null : by / Math.abs(e.expected);
    const size = relative === null ? Number.POSITIVE_INFINITY : Math.abs(relative);
    if (size > worstSize) {
      worst = { by, relative };
      worstSize = size;
    }
  }
  return worst;
}

/**
 * Grades one step. Credit: 1 when every element is within the step's tolerance; for lists and
 * matrices of the right shape, the fraction of elements within tolerance (a misconception match
 * keeps that fraction); 0 for a scalar out of tolerance, a shape mismatch, a missing or an
 * unreadable answer. A misconception is named only when the answer matches the wrong method's
 * value under the same tolerance and does not match the reference; with several, the one
 * {@link diagnoseStep} picks (ranked methods carry the whole attempt's support).
 */
export function gradeStep(
  spec: StepSpec,
  text: string | undefined,
  expected: ExpectedValue,
  wrongMethods: readonly (WrongMethodValues | RankedWrongMethod)[],
): StepOutcome {
  const step = spec.key;
  if (text === undefined || text.trim() === "") {
    return { grade: { step, score: 0, correct: false, expected, feedback: "No answer: this step scores 0." }, unparseable: false };
  }
  const parsed = parseAnswer(text, spec.answer);
  if (!parsed.ok) {
    return {
      grade: { step, score: 0, correct: false, feedback: `${parsed.message} This step was not graded.`, unreadable: parsed.code },
      unparseable: true,
    };
  }
  const tolerance = spec.tolerance ?? DEFAULT_TOLERANCE;
  const comparison = compareAnswer(parsed, expected, tolerance);
  if (comparison.kind === "shape-mismatch") {
    return { grade: { step, score: 0, correct: false, parsed, expected, feedback: comparison.message }, unparseable: false };
  }
  if (comparison.correct) {
    return { grade: { step, score: 1, correct: true, parsed, expected, feedback: "Correct." }, unparseable: false };
  }
  const right = comparison.elements.length - comparison.wrong.length;
  const score = comparison.elements.length > 1 ? right / comparison.elements.length : 0;
  const misconception = diagnoseStep(step, parsed, tolerance, wrongMethods);
  const wrongElements = comparison.elements.length > 1 ? comparison.wrong : undefined;
  const off = farthestOff(comparison.elements);
  const feedback = misconception ? mistakeFeedback(misconception) : withHint(comparison.message, spec.hint);
  return {
    grade: {
      step,
      score,
      correct: false,
      parsed,
      expected,
      feedback,
      ...(off ? { off } : {}),
      ...(wrongElements ? { wrongElements } : {}),
      ...(misconception ? { misconception } : {}),
    },
    unparseable: false,
  };
}
