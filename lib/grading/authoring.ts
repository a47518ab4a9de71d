// Support for exercise generators: draw friendly numbers until every wrong method is diagnosable.
import { DEFAULT_TOLERANCE, type ExpectedValue } from "../answers";
import * as float64 from "../reference/float64";
import { seededRandom } from "../reference/seeded-random";
import type { Misconception, ReferenceOps, StepSpec, StepValues } from "./exercise-definition";
import { diagnoseStep, rankWrongMethods } from "./diagnose-steps";
import { asParsed, valuesMatch } from "./values";

const finite = (value: ExpectedValue): boolean => (typeof value === "number" ? Number.isFinite(value) : value.every((v) => finite(v)));

/**
 * Params from the first draw (on one seeded stream) that `accept` takes. Pure: same seed, same
 * params. Throws after `maxTries` refusals, which is an authoring bug the catalogue test catches.
 */
export function drawUntil<P>(seed: number, draw: (random: () => number) => P, accept: (params: P) => boolean, maxTries = 500): P {
  const random = seededRandom(seed);
  for (let i = 0; i < maxTries; i++) {
    const params = draw(random);
    if (accept(params)) return params;
  }
  throw new Error(`exercise generator: no acceptable variant for seed ${seed} in ${maxTries} draws`);
}

/**
 * Whether the grader can name every wrong method on these values: all reference values are
 * finite; each wrong method differs from the reference (beyond the step's tolerance) on every
 * step it lists; and an attempt typing exactly one method's values (the reference elsewhere)
 * names that method on every step it lists, with no other method said to fit as well.
 */
export function diagnosable(steps: readonly StepSpec[], reference: StepValues, wrongs: readonly Partial<StepValues>[]): boolean {
  const tolerance = new Map(steps.map((s) => [s.key, s.tolerance ?? DEFAULT_TOLERANCE]));
  if (!steps.every((s) => reference[s.key] !== undefined && finite(reference[s.key] ?? Number.NaN))) return false;
  const methods = wrongs.map((values, i) => ({ code: String(i), message: String(i), values }));
  return wrongs.every((wrong, i) => {
    const listed = Object.entries(wrong).filter((entry): entry is [string, ExpectedValue] => entry[1] !== undefined);
    if (listed.length === 0) return false;
    const differs = listed.every(([key, value]) => {
      const ref = reference[key];
      return ref !== undefined && finite(value) && !valuesMatch(value, ref, tolerance.get(key));
    });
    if (!differs) return false;
    const typed = new Map(steps.map((s) => [s.key, asParsed(wrong[s.key] ?? reference[s.key] ?? Number.NaN)]));
    const ranked = rankWrongMethods(steps, typed, reference, methods);
    return listed.every(([key, value]) => {
      const named = diagnoseStep(key, asParsed(value), tolerance.get(key) ?? DEFAULT_TOLERANCE, ranked);
      return named?.code === String(i) && named.alsoPossible === undefined;
    });
  });
}

/** An `accept` for {@link drawUntil}: the definition's wrong methods are {@link diagnosable} on float64. */
export function separatesWrongMethods<P>(
  steps: readonly StepSpec[],
  solve: (params: P, ops: ReferenceOps) => StepValues,
  misconceptions: readonly Misconception<P>[],
): (params: P) => boolean {
  return (params) =>
    diagnosable(
      steps,
      solve(params, float64),
      misconceptions.map((m) => m.answers(params, float64)),
    );
}
