// Part 1: in-process grading time, gradeExercise(exercise, seed, reference
// answers) per exercise, on the float64 path and on each tfjs backend that
// initialises here. Seeds cycle through a fixed set so the numbers vary.
import { EXERCISES } from "../../exercises";
import { gradeExercise, type Exercise, type ReferenceOps } from "../../lib/grading";
import { availableReferenceBackends, initReferenceBackend, useReferenceBackend } from "../../lib/reference";
import { float64Ops, referenceAnswers, tfjsCalls, tfjsOps } from "./grade-ops";
import { summarize, type Summary } from "./stats";

export const GRADE_SEEDS = [0, 1, 2, 3, 7, 42, 99, 1234, 65535, 987654321];

/** `notCorrect`: timed runs whose reference answers did not grade fully correct on this path (expected 0). */
export type InProcessCell = { path: string; slug: string; summary: Summary; usesBlock: boolean; stoppedAtBudget: boolean; notCorrect: number };

export type InProcessOptions = { runs: number; warmup: number; budgetMsPerCell: number };

/**
 * Times every exercise on float64, then on each available tfjs backend; each cell stops at `runs` or the
 * time budget. A warm-up pass over every exercise comes first, so the first path timed is not the one
 * that pays for JIT compilation of the shared grading code.
 */
export async function runInProcessBench(options: InProcessOptions): Promise<{ cells: InProcessCell[]; backends: string[] }> {
  const cases = EXERCISES.map((exercise) => ({
    exercise,
    usesBlock: tfjsCalls(exercise, GRADE_SEEDS[0] ?? 0).length > 0,
    answers: GRADE_SEEDS.map((seed) => ({ seed, answers: referenceAnswers(exercise, seed) })),
  }));
  for (const c of cases) timeCell(c.exercise, c.answers, float64Ops, { ...options, runs: 0 });
  const cells: InProcessCell[] = [];
  for (const c of cases)
    cells.push({ path: "float64", slug: c.exercise.slug, usesBlock: c.usesBlock, ...timeCell(c.exercise, c.answers, float64Ops, options) });

  await initReferenceBackend();
  const backends = await availableReferenceBackends();
  for (const backend of backends) {
    if (!(await useReferenceBackend(backend))) continue;
    for (const c of cases)
      cells.push({ path: `tfjs ${backend}`, slug: c.exercise.slug, usesBlock: c.usesBlock, ...timeCell(c.exercise, c.answers, tfjsOps, options) });
  }
  return { cells, backends };
}

function timeCell(
  exercise: Exercise,
  answers: { seed: number; answers: Record<string, string> }[],
  ops: ReferenceOps,
  options: InProcessOptions,
): { summary: Summary; stoppedAtBudget: boolean; notCorrect: number } {
  let notCorrect = 0;
  const grade = (i: number) => {
    const item = answers[i % answers.length];
    if (!item) throw new Error("no answers");
    const result = gradeExercise(exercise, item.seed, item.answers, ops);
    if (!result.correct) notCorrect++;
  };
  for (let i = 0; i < options.warmup; i++) grade(i);
  notCorrect = 0;
  const times: number[] = [];
  const stopAt = performance.now() + options.budgetMsPerCell;
  let stoppedAtBudget = false;
  for (let i = 0; i < options.runs; i++) {
    if (performance.now() > stopAt) {
      stoppedAtBudget = true;
      break;
    }
    const started = performance.now();
    grade(i);
    times.push(performance.now() - started);
  }
  return { summary: summarize(times), stoppedAtBudget, notCorrect };
}
