import { describe, expect, it } from "vitest";
import { diagnose, DIAGNOSIS_LOOSENESS, type VariantOutput } from "@/lib/labs/diagnose";
import type { Tensor } from "@/lib/labs/lab-types";

const TOL = { abs: 1e-4, rel: 1e-3 };
const t = (values: number[]): Tensor => ({ shape: [values.length], data: Float64Array.from(values) });
const variant = (code: string, values: number[]): VariantOutput => ({ code, title: code, message: `fix ${code}`, output: t(values) });

const VARIANTS = [variant("no-mask", [1, 1, 1, 1]), variant("wrong-scale", [2, 2, 2, 2]), variant("near-wrong-scale", [2.0004, 2.0004, 2.0004, 2.0004])];

describe("diagnose", () => {
  const cases: { name: string; actual: number[]; referenceError: number; code: string | null }[] = [
    { name: "matches nothing: no name", actual: [5, 5, 5, 5], referenceError: 5, code: null },
    { name: "matches one variant exactly", actual: [1, 1, 1, 1], referenceError: 1, code: "no-mask" },
    { name: "matches two variants: the closest wins", actual: [2.0003, 2.0003, 2.0003, 2.0003], referenceError: 2, code: "near-wrong-scale" },
    { name: "matches two variants: the closest wins the other way", actual: [2.0001, 2.0001, 2.0001, 2.0001], referenceError: 2, code: "wrong-scale" },
    { name: "a variant no closer than the reference is not named", actual: [1, 1, 1, 1.00001], referenceError: 1e-5, code: null },
    { name: "one element off the variant: no name", actual: [1, 1, 1, 1.5], referenceError: 1.5, code: null },
    {
      name: "within the loosened tolerance still matches",
      actual: [1, 1, 1, 1 + 0.5 * DIAGNOSIS_LOOSENESS * (TOL.abs + TOL.rel)],
      referenceError: 1,
      code: "no-mask",
    },
    { name: "a NaN element never matches", actual: [1, 1, Number.NaN, 1], referenceError: Infinity, code: null },
  ];
  it.each(cases)("$name", ({ actual, referenceError, code }) => {
    const result = diagnose(t(actual), VARIANTS, TOL, referenceError);
    expect(result?.code ?? null).toBe(code);
    if (code) expect(result?.message).toBe(`fix ${code}`);
  });

  it("reports the max difference to the named variant", () => {
    expect(diagnose(t([1, 1.001, 1, 1]), VARIANTS, TOL, 1)?.maxAbsError).toBeCloseTo(0.001, 12);
  });

  it("when two variants fit, names the closer and reports the other as also possible", () => {
    const result = diagnose(t([2.0003, 2.0003, 2.0003, 2.0003]), VARIANTS, TOL, 2);
    expect(result?.code).toBe("near-wrong-scale");
    expect(result?.alsoPossible).toEqual({ code: "wrong-scale", title: "wrong-scale" });
    expect(diagnose(t([1, 1, 1, 1]), VARIANTS, TOL, 1)?.alsoPossible).toBeUndefined();
  });

  it("a second variant of the same family is not reported as another possibility", () => {
    const sameFamily = [
      { ...variant("sample-variance-norm1", [2, 2, 2, 2]), family: "sample-variance" },
      { ...variant("sample-variance-norm2", [2.0004, 2.0004, 2.0004, 2.0004]), family: "sample-variance" },
    ];
    const result = diagnose(t([2.0001, 2.0001, 2.0001, 2.0001]), sameFamily, TOL, 2);
    expect(result).toMatchObject({ code: "sample-variance-norm1", family: "sample-variance" });
    expect(result?.alsoPossible).toBeUndefined();
  });
});
