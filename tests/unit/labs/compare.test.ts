import { describe, expect, it } from "vitest";
import { compareTensors, countNonFinite, maxAbsDifference, unflatten } from "@/lib/labs/compare";
import type { Tensor } from "@/lib/labs/lab-types";

const TOL = { abs: 1e-4, rel: 1e-3 };
const t = (shape: number[], values: number[]): Tensor => ({ shape, data: Float64Array.from(values) });
const EXPECTED = t([2, 3], [1, -2, 0, 100, 0.5, -0.001]);

describe("compareTensors", () => {
  const cases: { name: string; actual: Tensor; allClose: boolean; mismatched: number; worst?: number[][]; maxAbs?: number | null }[] = [
    { name: "identical", actual: EXPECTED, allClose: true, mismatched: 0, worst: [], maxAbs: 0 },
    { name: "within abs tolerance at zero", actual: t([2, 3], [1, -2, 9e-5, 100, 0.5, -0.001]), allClose: true, mismatched: 0 },
    { name: "just outside abs tolerance at zero", actual: t([2, 3], [1, -2, 1.2e-4, 100, 0.5, -0.001]), allClose: false, mismatched: 1, worst: [[0, 2]] },
    { name: "within rel tolerance on a large value", actual: t([2, 3], [1, -2, 0, 100.09, 0.5, -0.001]), allClose: true, mismatched: 0 },
    { name: "outside rel tolerance on a large value", actual: t([2, 3], [1, -2, 0, 100.2, 0.5, -0.001]), allClose: false, mismatched: 1, worst: [[1, 0]] },
    {
      name: "worst positions ordered by absolute error",
      actual: t([2, 3], [1.5, -2.1, 0.3, 100, 0.5, -0.001]),
      allClose: false,
      mismatched: 3,
      worst: [
        [0, 0],
        [0, 2],
        [0, 1],
      ],
      maxAbs: 0.5,
    },
    {
      name: "NaN is a mismatch and not an error figure",
      actual: t([2, 3], [Number.NaN, -2, 0, 100, 0.5, -0.001]),
      allClose: false,
      mismatched: 1,
      worst: [],
      maxAbs: 0,
    },
    { name: "Infinity is a mismatch", actual: t([2, 3], [1, -2, 0, Number.POSITIVE_INFINITY, 0.5, -0.001]), allClose: false, mismatched: 1, maxAbs: 0 },
    { name: "transposed shape is not compared element-wise", actual: t([3, 2], [1, -2, 0, 100, 0.5, -0.001]), allClose: false, mismatched: 6, maxAbs: null },
    { name: "rank mismatch", actual: t([6], [1, -2, 0, 100, 0.5, -0.001]), allClose: false, mismatched: 6, maxAbs: null },
  ];
  it.each(cases)("$name", ({ actual, allClose, mismatched, worst, maxAbs }) => {
    const result = compareTensors(EXPECTED, actual, TOL);
    expect(result.allClose).toBe(allClose);
    expect(result.mismatched).toBe(mismatched);
    expect(result.size).toBe(6);
    if (worst) expect(result.worst.map((w) => w.index)).toEqual(worst);
    if (maxAbs !== undefined) {
      if (maxAbs === null) expect(result.maxAbsError).toBeNull();
      else expect(result.maxAbsError ?? Number.NaN).toBeCloseTo(maxAbs, 12);
    }
  });

  it("keeps only the 5 worst positions, largest first", () => {
    const expected = t([10], new Array<number>(10).fill(0));
    const actual = t([10], [1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    const result = compareTensors(expected, actual, TOL);
    expect(result.worst.map((w) => w.index[0])).toEqual([9, 8, 7, 6, 5]);
    expect(result.worst[0]).toEqual({ index: [9], expected: 0, actual: 10, absError: 10 });
    expect(result.maxRelError).toBeNull();
  });

  it("reports the measure the verdict used: a pass with max rel error above rtol uses under all of its allowance", () => {
    // -0.001 expected, -0.00105 given: 5% relative error, yet |Δ| = 5e-5 ≤ 1e-4 + 1e-3·0.001, as np.allclose says.
    const result = compareTensors(EXPECTED, t([2, 3], [1, -2, 0, 100, 0.5, -0.00105]), TOL);
    expect(result.allClose).toBe(true);
    expect(result.maxRelError).toBeGreaterThan(TOL.rel);
    expect(result.worstAt).toEqual([1, 2]);
    expect(result.worstRatio).toBeCloseTo(5e-5 / (1e-4 + 1e-3 * 0.001), 9);
    expect(result.worstMargin).toBeCloseTo(5e-5 - (1e-4 + 1e-3 * 0.001), 12);
  });

  it("a failing element is more than its allowance, where np.allclose fails too", () => {
    const result = compareTensors(EXPECTED, t([2, 3], [1, -2, 0, 100.2, 0.5, -0.001]), TOL);
    expect(result.worstAt).toEqual([1, 0]);
    expect(result.worstRatio).toBeCloseTo(0.2 / (1e-4 + 0.1), 6);
    expect(result.worstMargin).toBeGreaterThan(0);
  });

  it("the measure is null when shapes differ", () => {
    const result = compareTensors(EXPECTED, t([6], [1, -2, 0, 100, 0.5, -0.001]), TOL);
    expect([result.worstRatio, result.worstMargin, result.worstAt]).toEqual([null, null, null]);
  });

  it("relative error skips zero expected values", () => {
    const result = compareTensors(t([2], [0, 2]), t([2], [1, 3]), TOL);
    expect(result.maxRelError).toBeCloseTo(0.5, 12);
  });
});

describe("countNonFinite", () => {
  const cases = [
    { name: "all finite", values: [1, 2, 3, 4], counts: { nan: 0, posInf: 0, negInf: 0 }, first: [] as number[][] },
    {
      name: "one of each",
      values: [Number.NaN, 1, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY],
      counts: { nan: 1, posInf: 1, negInf: 1 },
      first: [
        [0, 0],
        [1, 0],
        [1, 1],
      ],
    },
    {
      name: "reports at most 5 positions",
      values: new Array<number>(4).fill(Number.NaN),
      counts: { nan: 4, posInf: 0, negInf: 0 },
      first: [
        [0, 0],
        [0, 1],
        [1, 0],
        [1, 1],
      ],
    },
  ];
  it.each(cases)("$name", ({ values, counts, first }) => {
    const result = countNonFinite(t([2, 2], values));
    expect(result).toMatchObject(counts);
    expect(result.first).toEqual(first);
  });
});

describe("unflatten and maxAbsDifference", () => {
  it.each([
    { name: "first element", flat: 0, shape: [2, 3, 4], index: [0, 0, 0] },
    { name: "last element", flat: 23, shape: [2, 3, 4], index: [1, 2, 3] },
    { name: "middle", flat: 13, shape: [2, 3, 4], index: [1, 0, 1] },
  ])("$name", ({ flat, shape, index }) => expect(unflatten(flat, shape)).toEqual(index));

  it.each([
    { name: "equal", a: [1, 2], b: [1, 2], max: 0 },
    { name: "differs", a: [1, 2], b: [1.5, 1], max: 1 },
    { name: "NaN counts as infinitely far", a: [1, Number.NaN], b: [1, 2], max: Infinity },
  ])("$name", ({ a, b, max }) => expect(maxAbsDifference(t([2], a), t([2], b))).toBe(max));
});
