// The request mix for the grading load: per exercise and seed, the reference
// answers (stored, correct), one misconception's values (stored, diagnosed),
// and an unreadable step (answered 200, not stored). Checked in-process first
// so a wrong expectation shows up as a setup error, not as a latency figure.
import { EXERCISES } from "../../exercises";
import { gradeExercise, type Exercise } from "../../lib/grading";
import { formatStepValue } from "../../lib/grading/format-value";
import { float64Ops, referenceAnswers } from "./grade-ops";

export type GradeKind = "right" | "misconception" | "unreadable";

/** One POST /api/grade body (without id) and what the reply must say. */
export type GradeCase = { kind: GradeKind; body: { exercise: string; seed: number; answers: Record<string, string> }; code?: string };

export const UNREADABLE_TEXT = "1.2.3 ((";

/** Cases for every exercise over `seeds`; the misconception case is left out where no wrong method is diagnosable. */
export function buildGradeCases(seeds: readonly number[]): GradeCase[] {
  const cases: GradeCase[] = [];
  for (const exercise of EXERCISES) {
    for (const seed of seeds) {
      const right = referenceAnswers(exercise, seed);
      cases.push({ kind: "right", body: { exercise: exercise.slug, seed, answers: right } });
      const wrong = misconceptionCase(exercise, seed, right);
      if (wrong) cases.push(wrong);
      const firstStep = exercise.steps[0]?.key;
      if (!firstStep) continue;
      const unreadable = { ...right, [firstStep]: UNREADABLE_TEXT };
      if (gradeExercise(exercise, seed, unreadable).unparseable.length === 0) throw new Error(`${exercise.slug}: "${UNREADABLE_TEXT}" was readable`);
      cases.push({ kind: "unreadable", body: { exercise: exercise.slug, seed, answers: unreadable } });
    }
  }
  return cases;
}

function misconceptionCase(exercise: Exercise, seed: number, right: Record<string, string>): GradeCase | undefined {
  for (const wrong of exercise.wrongMethods(seed, float64Ops)) {
    const typed = Object.fromEntries(Object.entries(wrong.values).flatMap(([key, value]) => (value === undefined ? [] : [[key, formatStepValue(value, 12)]])));
    const answers = { ...right, ...typed };
    if (gradeExercise(exercise, seed, answers).misconceptions.includes(wrong.code)) {
      return { kind: "misconception", body: { exercise: exercise.slug, seed, answers }, code: wrong.code };
    }
  }
  return undefined;
}

/** Request `k` of client `client`: 7 in 10 right, 2 in 10 a misconception, 1 in 10 unreadable. */
export function pickCase(cases: readonly GradeCase[], client: number, k: number): GradeCase {
  const wanted: GradeKind = k % 10 === 9 ? "unreadable" : k % 10 >= 7 ? "misconception" : "right";
  const pool = cases.filter((c) => c.kind === wanted);
  const from = pool.length > 0 ? pool : cases;
  const chosen = from[(client * 31 + k * 7) % from.length];
  if (!chosen) throw new Error("no grade cases");
  return chosen;
}
