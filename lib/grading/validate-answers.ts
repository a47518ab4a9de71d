// Checks at the API edge: do the submitted keys and texts fit the exercise before grading?
import { MAX_ANSWER_LENGTH } from "../answers";
import { quoteInput } from "../errors/quote-input";
import type { Exercise } from "./exercise-definition";

export type AnswerIssueCode = "unknown-step" | "missing-step" | "too-long";

/** One problem with a submission; `step` is the offending key. */
export type AnswerIssue = { code: AnswerIssueCode; step: string; message: string };

/**
 * Problems with a submission for `exercise`, in a stable order (unknown keys, then per step).
 * Empty when every step has an answer no longer than `MAX_ANSWER_LENGTH`. "missing-step" is
 * reported so the caller can decide: the grader itself scores a missing step 0 ("No answer.").
 */
export function validateAnswers(exercise: Exercise, answers: Readonly<Record<string, string>>): AnswerIssue[] {
  const keys = new Set(exercise.steps.map((s) => s.key));
  const issues: AnswerIssue[] = Object.keys(answers)
    .filter((key) => !keys.has(key))
    .map((key) => ({
      code: "unknown-step",
      step: key,
      message: `${quoteInput(key)} is not a step of ${exercise.slug}; expected one of ${[...keys].join(", ")}.`,
    }));
  for (const [index, { key, label }] of exercise.steps.entries()) {
    const text = Object.hasOwn(answers, key) ? answers[key] : undefined;
    const step = `${lowerFirst(label)} (step ${index + 1})`;
    if (text === undefined || text.trim() === "") issues.push({ code: "missing-step", step: key, message: `Enter ${step}.` });
    else if (text.length > MAX_ANSWER_LENGTH) {
      issues.push({ code: "too-long", step: key, message: `The answer for ${step} is longer than ${MAX_ANSWER_LENGTH} characters.` });
    }
  }
  return issues;
}

/** "Mean μ" → "mean μ", so a label reads inside a sentence; an acronym or inner capitals (RMS, SwiGLU) keep their case. */
function lowerFirst(label: string): string {
  const firstWord = label.split(" ")[0] ?? "";
  return /^[A-Z][^A-Z]*$/.test(firstWord) ? label.charAt(0).toLowerCase() + label.slice(1) : label;
}
