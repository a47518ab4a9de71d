// The reference paths the grader can run on, as ReferenceOps: float64 (what
// the API uses) and the tfjs block (same API; scalar helpers erf/gelu have no
// tfjs twin and stay float64), plus a check of which exercises call them at all.
import type { Exercise, ReferenceOps } from "../../lib/grading/exercise-definition";
import { formatStepValue } from "../../lib/grading/format-value";
import * as float64 from "../../lib/reference/float64";

export const float64Ops: ReferenceOps = float64;

export { tfjsOps } from "../../lib/reference/tfjs-ops";

/** The tfjs block functions `exercise` calls for `seed` (solve and wrong methods); empty when it is pure arithmetic. */
export function tfjsCalls(exercise: Exercise, seed: number): string[] {
  const calls = new Set<string>();
  const recording = Object.fromEntries(
    Object.entries(float64Ops).map(([name, fn]) => [
      name,
      (...args: unknown[]) => {
        calls.add(name);
        return (fn as (...a: unknown[]) => unknown)(...args);
      },
    ]),
  ) as ReferenceOps;
  exercise.solve(seed, recording);
  exercise.wrongMethods(seed, recording);
  return [...calls].filter((name) => name !== "erf" && name !== "gelu");
}

/** The reference values of every step, typed as a learner would (12 significant figures). */
export function referenceAnswers(exercise: Exercise, seed: number): Record<string, string> {
  const values = exercise.solve(seed, float64Ops);
  return Object.fromEntries(
    exercise.steps.map((step) => {
      const value = values[step.key];
      if (value === undefined) throw new Error(`${exercise.slug}: no reference value for ${step.key}`);
      return [step.key, formatStepValue(value, 12)];
    }),
  );
}
