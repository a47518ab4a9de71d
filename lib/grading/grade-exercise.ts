// Grading a whole attempt: every step of the exercise against the learner's seed.
import * as float64 from "../reference/float64";
import { rankWrongMethods, readableAnswers } from "./diagnose-steps";
import type { Exercise, ReferenceOps } from "./exercise-definition";
import type { GradeResult } from "./grade-result";
import { gradeStep } from "./grade-step";

/** Scores are reported to 4 decimals: 3/5 reads 0.6, not 0.6000000000000001. */
const roundScore = (score: number): number => Math.round(score * 10_000) / 10_000;

/**
 * Grades `answers` (step key → typed text) for the variant of `exercise` drawn from `seed`.
 * Pure and synchronous with the default float64 `ops`. Steps are scored by {@link gradeStep} and
 * weighted by their `weight` (default 1); keys not naming a step are ignored here (see
 * `validateAnswers` for the API edge). A missing step scores 0 and says so. Scores are rounded to
 * 4 decimals. Unreadable text is listed in `unparseable`, not thrown.
 */
export function gradeExercise(exercise: Exercise, seed: number, answers: Readonly<Record<string, string>>, ops: ReferenceOps = float64): GradeResult {
  const reference = exercise.solve(seed, ops);
  const wrongMethods = rankWrongMethods(exercise.steps, readableAnswers(exercise.steps, answers), reference, exercise.wrongMethods(seed, ops));
  const outcomes = exercise.steps.map((spec) => {
    const expected = reference[spec.key];
    if (expected === undefined) throw new Error(`grading: exercise ${exercise.slug} has no reference value for step ${spec.key}`);
    const text = Object.hasOwn(answers, spec.key) ? answers[spec.key] : undefined;
    const outcome = gradeStep(spec, text, expected, wrongMethods);
    return { weight: spec.weight ?? 1, ...outcome, grade: { ...outcome.grade, score: roundScore(outcome.grade.score) } };
  });
  const totalWeight = outcomes.reduce((sum, o) => sum + o.weight, 0);
  const weighted = outcomes.reduce((sum, o) => sum + o.weight * o.grade.score, 0);
  const codes = outcomes.flatMap((o) => (o.grade.misconception ? [o.grade.misconception.code] : []));
  return {
    score: totalWeight === 0 ? 0 : roundScore(weighted / totalWeight),
    correct: outcomes.every((o) => o.grade.correct),
    steps: outcomes.map((o) => o.grade),
    misconceptions: [...new Set(codes)],
    unparseable: outcomes.filter((o) => o.unparseable).map((o) => o.grade.step),
  };
}
