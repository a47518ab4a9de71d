// Every exercise × every mistake family it declares × many seeds: an attempt
// that makes exactly that mistake (the reference on every other step) is named
// as that family on every step the family changes, and no other family is
// named or said to fit as well.
import { describe, expect, it } from "vitest";
import { EXERCISES } from "@/exercises";
import { LABS } from "@/exercises/labs";
import { MISTAKE_FAMILIES } from "@/lib/mistakes";
import { formatStepValue, gradeExercise, type StepValues } from "@/lib/grading";
import * as float64 from "@/lib/reference/float64";

const SEEDS = [...Array.from({ length: 40 }, (_, i) => i), 1234, 65535, 987654321, 2 ** 31 - 1, 4294967295];

/** Step values as a learner would type them, one text per step. */
const typed = (values: Partial<StepValues>): Record<string, string> =>
  Object.fromEntries(Object.entries(values).flatMap(([key, value]) => (value === undefined ? [] : [[key, formatStepValue(value, 12)]])));

const walk = EXERCISES.flatMap((exercise) => exercise.misconceptionCodes.map((code) => ({ name: `${exercise.slug} × ${code}`, exercise, code })));

describe("mistake families walked through every exercise", () => {
  it.each(walk)("$name: named, and no other family, on every seed", ({ exercise, code }) => {
    for (const seed of SEEDS) {
      const reference = exercise.solve(seed, float64);
      const wrong = exercise.wrongMethods(seed, float64).find((m) => m.code === code);
      if (!wrong) throw new Error(`no wrong method ${code}`);
      const result = gradeExercise(exercise, seed, { ...typed(reference), ...typed(wrong.values) });
      expect(result.misconceptions, `seed ${seed}`).toEqual([code]);
      for (const key of Object.keys(wrong.values)) {
        const step = result.steps.find((s) => s.step === key);
        expect(step?.misconception, `seed ${seed}, step ${key}`).toEqual({ code, message: wrong.message });
      }
    }
  });
});

describe("when two families fit", () => {
  const crossover = EXERCISES.find((e) => e.slug === "attention-ffn-flop-crossover");
  if (!crossover) throw new Error("no attention-ffn-flop-crossover");
  const seed = 5;
  const reference = crossover.solve(seed, float64);
  const halved = (key: string): string => formatStepValue((reference[key] as number) / 2, 12);

  it("a multiply-add counted as one FLOP on both counts is named as that, not as two other mistakes", () => {
    const result = gradeExercise(crossover, seed, { ...typed(reference), attentionFlops: halved("attentionFlops"), ffnFlops: halved("ffnFlops") });
    expect(result.misconceptions).toEqual(["multiply-add-one-flop"]);
    expect(result.steps.every((s) => s.misconception?.alsoPossible === undefined)).toBe(true);
  });

  it("one halved count alone fits two families: the closer is named and the other said to be possible", () => {
    const result = gradeExercise(crossover, seed, { ...typed(reference), attentionFlops: halved("attentionFlops") });
    const step = result.steps.find((s) => s.step === "attentionFlops");
    expect(step?.misconception?.code).toBe("scores-only");
    expect(step?.misconception?.alsoPossible).toEqual({ code: "multiply-add-one-flop", title: "A multiply-add counted as one FLOP" });
    expect(step?.feedback).toContain("It could also be: A multiply-add counted as one FLOP.");
  });

  it("the closer of two matching values wins when the attempt cannot tell them apart", () => {
    const sinusoidal = EXERCISES.find((e) => e.slug === "sinusoidal-pe-value");
    if (!sinusoidal) throw new Error("no sinusoidal-pe-value");
    // Seed 1: dimension 5 of d = 16 at position 23; cos(2.3°) = 0.99919 and cos(23/10000^(10/16)) = 0.99736 are within the value's tolerance of each other.
    const degrees = gradeExercise(sinusoidal, 1, { value: "0.99919" }).steps.find((s) => s.step === "value")?.misconception;
    const dimension = gradeExercise(sinusoidal, 1, { value: "0.99736" }).steps.find((s) => s.step === "value")?.misconception;
    expect([degrees?.code, degrees?.alsoPossible?.code]).toEqual(["degrees-not-radians", "dimension-as-pair-index"]);
    expect([dimension?.code, dimension?.alsoPossible?.code]).toEqual(["dimension-as-pair-index", "degrees-not-radians"]);
  });
});

describe("the family table", () => {
  const used = new Set([...EXERCISES.flatMap((e) => e.misconceptionCodes), ...LABS.flatMap((lab) => lab.variants.map((v) => v.family))]);

  it("every exercise mistake and lab bug is a defined family", () => {
    expect([...used].filter((code) => !MISTAKE_FAMILIES.has(code))).toEqual([]);
  });

  it("every defined family occurs in some exercise or lab", () => {
    expect([...MISTAKE_FAMILIES.keys()].filter((code) => !used.has(code))).toEqual([]);
  });

  it.each([...MISTAKE_FAMILIES.values()])("$code: kebab-case code, a title, what it changes and a message without the code", (family) => {
    expect(family.code).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
    for (const text of [family.title, family.changes, family.message]) expect(text.length).toBeGreaterThan(5);
    expect(family.message).not.toContain(family.code);
  });

  it("a family shared by exercises and labs keeps one code: attention's mask, scale and axis mistakes", () => {
    const inLabs = new Set(LABS.flatMap((lab) => lab.variants.map((v) => v.family)));
    const inExercises = new Set(EXERCISES.flatMap((e) => e.misconceptionCodes));
    for (const code of [
      "no-mask",
      "upper-triangle",
      "mask-after-softmax",
      "scaled-by-dmodel",
      "no-scaling",
      "scaled-by-d",
      "softmax-wrong-axis",
      "sample-variance",
    ]) {
      expect([inLabs.has(code), inExercises.has(code)], code).toEqual([true, true]);
    }
  });
});
