import { beforeAll, describe, expect, it } from "vitest";
import { EXERCISES } from "@/exercises";
import type { ExpectedValue } from "@/lib/answers";
import { ExerciseMetaSchema, formatStepValue, gradeExercise, type Exercise, type StepValues } from "@/lib/grading";
import { initReferenceBackend } from "@/lib/reference";
import * as float64 from "@/lib/reference/float64";
import { recordingOps, tfjsOps } from "./reference-ops";

const SEEDS = [0, 1, 2, 3, 7, 42, 99, 1234, 65535, 2 ** 31 - 1, 987654321, 4294967295];

/** Step values as a learner would type them, one text per step. */
function typed(values: Partial<StepValues>): Record<string, string> {
  return Object.fromEntries(Object.entries(values).flatMap(([key, value]) => (value === undefined ? [] : [[key, formatStepValue(value, 12)]])));
}

const flatten = (value: ExpectedValue): number[] => (typeof value === "number" ? [value] : value.flatMap((v) => flatten(v)));
const maxDiff = (a: ExpectedValue, b: ExpectedValue): number => {
  const x = flatten(a);
  const y = flatten(b);
  return x.length === y.length ? Math.max(0, ...x.map((v, i) => Math.abs(v - (y[i] ?? Number.NaN)))) : Number.POSITIVE_INFINITY;
};
const valuesDiff = (a: Partial<StepValues>, b: Partial<StepValues>): number =>
  Math.max(
    0,
    ...Object.entries(a).map(([key, value]) =>
      value === undefined || b[key] === undefined ? Number.POSITIVE_INFINITY : maxDiff(value, b[key] as ExpectedValue),
    ),
  );

const cases = EXERCISES.map((exercise) => ({ name: exercise.slug, exercise }));

function usesReference(exercise: Exercise): boolean {
  const { ops, calls } = recordingOps();
  for (const seed of SEEDS.slice(0, 3)) {
    exercise.solve(seed, ops);
    exercise.wrongMethods(seed, ops);
  }
  return calls.size > 0;
}

describe("exercise catalogue", () => {
  it("has unique slugs", () => {
    const slugs = EXERCISES.map((e) => e.slug);
    expect(new Set(slugs).size).toBe(slugs.length);
  });

  describe.each(cases)("$name", ({ exercise }) => {
    it("has valid metadata, unique step keys and kebab-case misconception codes", () => {
      expect(ExerciseMetaSchema.safeParse(exercise).success).toBe(true);
      const keys = exercise.steps.map((s) => s.key);
      expect(new Set(keys).size).toBe(keys.length);
      expect(new Set(exercise.misconceptionCodes).size).toBe(exercise.misconceptionCodes.length);
      for (const code of exercise.misconceptionCodes) expect(code).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
    });

    it("gives the same variant for the same seed, and varies across seeds", () => {
      const prompts = new Set(SEEDS.map((seed) => exercise.variant(seed).prompt));
      for (const seed of SEEDS) {
        expect(exercise.variant(seed)).toEqual(exercise.variant(seed));
        expect(exercise.solve(seed, float64)).toEqual(exercise.solve(seed, float64));
      }
      expect(prompts.size).toBeGreaterThan(1);
    });

    it.each(SEEDS)("seed %i: the reference runs and its typed answer scores full marks", (seed) => {
      const reference = exercise.solve(seed, float64);
      for (const step of exercise.steps) {
        const value = reference[step.key];
        expect(value, step.key).toBeDefined();
        for (const v of flatten(value as ExpectedValue)) expect(Number.isFinite(v)).toBe(true);
      }
      const result = gradeExercise(exercise, seed, typed(reference));
      expect(result.unparseable).toEqual([]);
      expect(result.misconceptions).toEqual([]);
      expect(result.score).toBe(1);
      expect(result.correct).toBe(true);
    });

    it.each(SEEDS)("seed %i: every misconception is diagnosed by its code", (seed) => {
      const reference = exercise.solve(seed, float64);
      for (const wrong of exercise.wrongMethods(seed, float64)) {
        const result = gradeExercise(exercise, seed, { ...typed(reference), ...typed(wrong.values) });
        expect(result.misconceptions, wrong.code).toContain(wrong.code);
        expect(result.correct, wrong.code).toBe(false);
        expect(result.score, wrong.code).toBeLessThan(1);
        for (const key of Object.keys(wrong.values)) {
          expect(result.steps.find((s) => s.step === key)?.correct, `${wrong.code} on ${key}`).toBe(false);
        }
      }
    });
  });
});

describe("exercises that use the reference ops: float64 and tfjs agree within 1e-5", () => {
  beforeAll(async () => {
    await initReferenceBackend();
  });

  const withOps = cases.filter(({ exercise }) => usesReference(exercise));

  it("at least one exercise runs through the reference ops", () => {
    expect(withOps.length).toBeGreaterThan(0);
  });

  describe.each(withOps)("$name", ({ exercise }) => {
    it.each(SEEDS.slice(0, 6))("seed %i", (seed) => {
      expect(valuesDiff(exercise.solve(seed, float64), exercise.solve(seed, tfjsOps))).toBeLessThan(1e-5);
      const exact = exercise.wrongMethods(seed, float64);
      const tfjs = exercise.wrongMethods(seed, tfjsOps);
      for (const [i, wrong] of exact.entries()) expect(valuesDiff(wrong.values, tfjs[i]?.values ?? {}), wrong.code).toBeLessThan(1e-5);
    });
  });
});
