// Replies in the server's real shapes, built from the real catalogue and
// grader (as app/api/* and lib/attempts/grade-attempt.ts build them), so the
// CLI is tested against what the API actually sends (cli-harness.ts runs it).
import { presentSteps } from "@/lib/attempts/present-steps";
import { afterTry, describeVariant, FRESH_VARIANT, variantStatus } from "@/lib/attempts/variant-rule";
import { findExercise } from "@/exercises";
import { EXERCISES } from "@/exercises";
import { formatStepValue, gradeExercise, type Exercise } from "@/lib/grading";
import { toExerciseSummary, toVariantView } from "@/lib/grading/exercise-view";
import * as float64 from "@/lib/reference/float64";
import { ID } from "./cli-harness";

export { fakeDeps, ID, TOKEN, URL_BASE, type SentRequest } from "./cli-harness";

export const SLUG = "layernorm-by-hand";
export const SEED = 42;

export function exercise(slug = SLUG): Exercise {
  const found = findExercise(slug);
  if (!found) throw new Error(`no exercise ${slug}`);
  return found;
}

export function referenceAnswers(slug = SLUG, seed = SEED): Record<string, string> {
  const e = exercise(slug);
  const values = e.solve(seed, float64);
  return Object.fromEntries(e.steps.map((s) => [s.key, formatStepValue(values[s.key] ?? Number.NaN, 12)]));
}

/** A misconception's answers that the grader diagnoses, with its code. */
export function misconceptionAnswers(slug = SLUG, seed = SEED): { answers: Record<string, string>; code: string } {
  const right = referenceAnswers(slug, seed);
  for (const wrong of exercise(slug).wrongMethods(seed, float64)) {
    const typed = Object.fromEntries(Object.entries(wrong.values).flatMap(([k, v]) => (v === undefined ? [] : [[k, formatStepValue(v, 12)]])));
    const answers = { ...right, ...typed };
    if (gradeExercise(exercise(slug), seed, answers).misconceptions.includes(wrong.code)) return { answers, code: wrong.code };
  }
  throw new Error(`${slug}: no diagnosable misconception for seed ${seed}`);
}

/** The body POST /api/grade answers with for these answers (first try at the variant, stored unless unreadable). */
export function gradeReply(answers: Record<string, string>, slug = SLUG, seed = SEED): unknown {
  const result = gradeExercise(exercise(slug), seed, answers);
  const stored = result.unparseable.length === 0;
  const status = variantStatus(stored ? afterTry(FRESH_VARIANT, result.correct, new Date(0)) : FRESH_VARIANT);
  return JSON.parse(
    JSON.stringify({
      ...result,
      steps: presentSteps(result.steps, status.revealed),
      attemptId: ID,
      exercise: slug,
      seed,
      backend: "float64",
      ms: 0.42,
      stored,
      duplicate: false,
      afterReveal: false,
      credited: stored && result.correct,
      variant: { ...status, message: describeVariant(status) },
    }),
  );
}

export const exercisesReply = () => ({ exercises: EXERCISES.map(toExerciseSummary) });
export const variantReply = (slug = SLUG, seed = SEED) => JSON.parse(JSON.stringify(toVariantView(exercise(slug), seed))) as unknown;
export const errorReply = (code: string, message: string, issues?: { path: string; message?: string }[]) => ({
  error: { code, message, ...(issues ? { issues } : {}) },
});
