// The grader's output shapes: one verdict per step plus the exercise totals.
import type { ExpectedValue, ParseFailureCode, ParsedOk } from "../answers";

/**
 * A wrong method the learner's step answer matched (and the reference did not). `alsoPossible`
 * names another method that fits the attempt just as well, when the answers cannot tell them apart.
 */
export type DiagnosedMisconception = { code: string; message: string; alsoPossible?: { code: string; title: string } };

/** A wrong element's distance from the expected value: `by` = answer − expected in the step's unit, `relative` = by / |expected| (null when expected is 0). */
export type StepDistance = { by: number; relative: number | null };

/** How one step was read and judged. */
export type StepGrade = {
  step: string;
  /** 0..1 for this step alone (before weighting): 1 right, element fraction for lists, 0 otherwise. */
  score: number;
  correct: boolean;
  /** The answer as read; absent when missing or unparseable. */
  parsed?: ParsedOk;
  /** The reference value, to show after the attempt. */
  expected?: ExpectedValue;
  /** One or two sentences for the learner: verdict, which elements, or the named mistake. */
  feedback: string;
  /** How far off the wrong answer (its farthest element) is; holds the expected value's distance, so shown with it. */
  off?: StepDistance;
  /** 0-based indices of wrong elements ([i] for lists, [r, c] for matrices). */
  wrongElements?: number[][];
  misconception?: DiagnosedMisconception;
  /** Why the text could not be read, when it could not (e.g. "syntax", "disallowed"). */
  unreadable?: ParseFailureCode;
};

export type GradeResult = {
  /** 0..1, the steps' scores weighted by each step's `weight`. */
  score: number;
  /** Every step correct. */
  correct: boolean;
  steps: StepGrade[];
  /** Distinct misconception codes diagnosed, in step order. */
  misconceptions: string[];
  /** Steps whose text could not be read; an attempt with any of these should not be counted. */
  unparseable: string[];
};
