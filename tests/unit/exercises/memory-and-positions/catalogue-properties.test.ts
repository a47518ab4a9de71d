import { describe, expect, it } from "vitest";
import { ExerciseMetaSchema } from "@/lib/grading/exercise-definition";
import * as float64 from "@/lib/reference/float64";
import { memoryAndPositions } from "@/exercises/groups/memory-and-positions";
import { SEEDS, flatten, gradedEqual, stepShape } from "./support";

const cases = memoryAndPositions.map((exercise) => ({ name: exercise.slug, exercise }));

describe.each(cases)("$name", ({ exercise }) => {
  const stepByKey = new Map(exercise.steps.map((step) => [step.key, step]));

  it("has valid metadata and unique step keys and misconception codes", () => {
    expect(ExerciseMetaSchema.safeParse(exercise).success).toBe(true);
    expect(new Set(exercise.steps.map((s) => s.key)).size).toBe(exercise.steps.length);
    expect(new Set(exercise.misconceptionCodes).size).toBe(exercise.misconceptionCodes.length);
    for (const code of exercise.misconceptionCodes) expect(code).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
  });

  it("gives the same variant and values for the same seed", () => {
    for (const seed of SEEDS.slice(0, 20)) {
      expect(exercise.variant(seed)).toEqual(exercise.variant(seed));
      expect(exercise.solve(seed, float64)).toEqual(exercise.solve(seed, float64));
    }
  });

  it("gives different variants for different seeds", () => {
    const prompts = new Set(SEEDS.map((seed) => exercise.variant(seed).prompt));
    expect(prompts.size).toBeGreaterThan(5);
  });

  it("solves every step, shaped as the step asks, with finite values", () => {
    for (const seed of SEEDS) {
      const values = exercise.solve(seed, float64);
      expect(Object.keys(values).sort()).toEqual(exercise.steps.map((s) => s.key).sort());
      for (const step of exercise.steps) {
        const value = values[step.key];
        if (value === undefined) throw new Error(`${exercise.slug}: no value for ${step.key}`);
        const { shape, cells } = flatten(value);
        expect(shape).toEqual(stepShape(step));
        expect(cells.every(Number.isFinite)).toBe(true);
      }
    }
  });

  it("prompts mention no undefined or NaN", () => {
    for (const seed of SEEDS.slice(0, 50)) {
      const { prompt } = exercise.variant(seed);
      expect(prompt).not.toMatch(/undefined|NaN/);
    }
  });

  it("every misconception's values differ from the reference beyond the step tolerance", () => {
    for (const seed of SEEDS) {
      const reference = exercise.solve(seed, float64);
      for (const wrong of exercise.wrongMethods(seed, float64)) {
        const entries = Object.entries(wrong.values);
        expect(entries.length, `${wrong.code} affects no step`).toBeGreaterThan(0);
        for (const [key, value] of entries) {
          const step = stepByKey.get(key);
          const right = reference[key];
          if (step === undefined || right === undefined || value === undefined) throw new Error(`${wrong.code}: unknown step ${key}`);
          expect(flatten(value).shape, `${wrong.code}.${key} shape`).toEqual(stepShape(step));
          expect(gradedEqual(step, value, right), `seed ${seed}: ${wrong.code}.${key} equals the reference`).toBe(false);
        }
      }
    }
  });

  it("no two misconceptions give the same values on every step they share", () => {
    for (const seed of SEEDS) {
      const wrongs = exercise.wrongMethods(seed, float64);
      for (const [i, a] of wrongs.entries()) {
        for (const b of wrongs.slice(i + 1)) {
          const shared = Object.keys(a.values).filter((key) => key in b.values);
          const same =
            shared.length === Object.keys(a.values).length &&
            shared.length === Object.keys(b.values).length &&
            shared.every((key) => {
              const step = stepByKey.get(key);
              const va = a.values[key];
              const vb = b.values[key];
              return step !== undefined && va !== undefined && vb !== undefined && gradedEqual(step, va, vb);
            });
          expect(same, `seed ${seed}: ${a.code} and ${b.code} are indistinguishable`).toBe(false);
        }
      }
    }
  });
});
