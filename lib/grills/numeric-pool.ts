// Which exercises a grill may ask: the quick ones of the grader's catalogue
// (a few answer boxes, doable against a per-question clock).
import type { Exercise } from "../grading/exercise-definition";
import type { NumericCandidate } from "./draw-items";

/** Exercises with at most this many steps are quick enough for a grill. */
export const QUICK_STEP_LIMIT = 3;

/** The catalogue's quick exercises as draw candidates, in catalogue order. */
export function quickExercises(catalogue: readonly Exercise[]): NumericCandidate[] {
  return catalogue.filter((e) => e.steps.length <= QUICK_STEP_LIMIT).map((e) => ({ slug: e.slug, topic: e.topic, difficulty: e.difficulty }));
}
