import { beforeAll, describe, expect, it } from "vitest";
import { initReferenceBackend } from "@/lib/reference/backend";
import * as f64 from "@/lib/reference/float64";
import { layerNorm, rmsNorm } from "@/lib/reference/tfjs/norm";
import { hasNonFinite, maxAbsDiff } from "./fixtures";

beforeAll(async () => {
  await initReferenceBackend();
});

const paths = [
  { path: "tfjs", layerNorm, rmsNorm, tolerance: 1e-6 },
  { path: "float64", layerNorm: f64.layerNorm, rmsNorm: f64.rmsNorm, tolerance: 1e-12 },
];

const layerNormCases = [
  { name: "x=[2,4] eps 0 → [-1,1]", x: [[2, 4]], gamma: [1, 1], beta: [0, 0], epsilon: 0, expected: [[-1, 1]] },
  { name: "gamma and beta apply after normalising", x: [[2, 4]], gamma: [2, 3], beta: [1, -1], epsilon: 0, expected: [[-1, 2]] },
  { name: "epsilon shrinks the result", x: [[2, 4]], gamma: [1, 1], beta: [0, 0], epsilon: 1, expected: [[-1 / Math.SQRT2, 1 / Math.SQRT2]] },
  { name: "constant row with eps 0 → beta, not NaN", x: [[3, 3, 3]], gamma: [1, 1, 1], beta: [0.5, 0, -0.5], epsilon: 0, expected: [[0.5, 0, -0.5]] },
];

const rmsNormCases = [
  { name: "x=[2,4] eps 0 → ≈[0.632,1.265]", x: [[2, 4]], gamma: [1, 1], epsilon: 0, expected: [[2 / Math.sqrt(10), 4 / Math.sqrt(10)]] },
  { name: "zero row with eps 0 → 0, not NaN", x: [[0, 0]], gamma: [1, 1], epsilon: 0, expected: [[0, 0]] },
  { name: "gamma scales", x: [[3, -4]], gamma: [2, 0.5], epsilon: 0, expected: [[2 * (3 / Math.sqrt(12.5)), 0.5 * (-4 / Math.sqrt(12.5))]] },
];

describe.each(paths)("$path norms", ({ layerNorm: ln, rmsNorm: rms, tolerance }) => {
  it.each(layerNormCases)("layerNorm: $name", ({ x, gamma, beta, epsilon, expected }) => {
    const out = ln(x, gamma, beta, epsilon);
    expect(hasNonFinite(out)).toBe(false);
    expect(maxAbsDiff(out, expected)).toBeLessThan(tolerance);
  });

  it.each(rmsNormCases)("rmsNorm: $name", ({ x, gamma, epsilon, expected }) => {
    const out = rms(x, gamma, epsilon);
    expect(hasNonFinite(out)).toBe(false);
    expect(maxAbsDiff(out, expected)).toBeLessThan(tolerance);
  });

  it("rmsNorm [2,4] rounds to [0.632, 1.265]", () => {
    const [row] = rms([[2, 4]], [1, 1], 0);
    expect(row?.map((v) => Number(v.toFixed(3)))).toEqual([0.632, 1.265]);
  });
});
