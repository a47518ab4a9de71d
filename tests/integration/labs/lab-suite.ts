// The checks every lab must pass, run per lab file so the files run in
// parallel: reference passes, float64 agrees, every buggy variant fails and
// is named, wrong shapes and NaN/Infinity are explained, seeds are stable.
import * as tf from "@tensorflow/tfjs-core";
import { beforeAll, describe, expect, it } from "vitest";
import { buggyOutput, gradeLabOutput, labInputs, labView, referenceOutput, type Lab } from "@/lib/labs";
import { compareTensors } from "@/lib/labs/compare";
import type { Tensor } from "@/lib/labs/lab-types";
import { availableReferenceBackends, initReferenceBackend, referenceBackend, useReferenceBackend } from "@/lib/reference";
import { catalogue } from "@/exercises/catalogue";
import { MISTAKE_FAMILIES } from "@/lib/mistakes";

export const LAB_TEST_SEEDS = [3, 2 ** 31 - 1] as const;

const transposed = (t: Tensor): Tensor => {
  const [rows = 0, cols = 0] = t.shape;
  const data = new Float64Array(t.data.length);
  for (let r = 0; r < rows; r++) for (let c = 0; c < cols; c++) data[c * rows + r] = t.data[r * cols + c] ?? 0;
  return { shape: [cols, rows], data };
};

export function describeLab(slug: string): void {
  const found = catalogue.findLab(slug);
  if (!found) throw new Error(`no lab ${slug}`);
  const lab: Lab = found;

  describe(`lab ${slug}`, () => {
    beforeAll(async () => {
      await initReferenceBackend();
    });

    it.each(LAB_TEST_SEEDS)("seed %i: the reference's own output passes with no diagnosis", async (seed) => {
      const result = await gradeLabOutput(lab, seed, await referenceOutput(lab, seed));
      expect(result.passed).toBe(true);
      expect(result.mismatched).toBe(0);
      expect(result.diagnosis).toBeNull();
      expect(result.expectedShape).toEqual(labView(lab, seed).output.shape);
    });

    it.each(LAB_TEST_SEEDS)("seed %i: the float64 path agrees with tfjs within the grading tolerance", async (seed) => {
      expect(lab.float64Reference).toBeDefined();
      const exact = lab.float64Reference?.(seed);
      if (!exact) return;
      const result = await gradeLabOutput(lab, seed, exact);
      expect(result.passed).toBe(true);
      expect(result.maxAbsError ?? Infinity).toBeLessThan(1e-5);
      // The measure the verdict used, in NumPy's words: every element within its allowance.
      expect(result.toleranceUsed).toMatchObject({
        atol: lab.tolerance.abs,
        rtol: lab.tolerance.rel,
        rule: `np.allclose(yours, expected, rtol=${lab.tolerance.rel}, atol=${lab.tolerance.abs})`,
      });
      expect(result.toleranceUsed?.worstRatio ?? Infinity).toBeLessThanOrEqual(1);
      expect(result.toleranceUsed?.worstMargin ?? Infinity).toBeLessThanOrEqual(0);
      expect(result.summary).toContain(result.toleranceUsed?.rule ?? "missing rule");
    });

    // The walk for labs: every variant (a mistake family as it occurs here) on several seeds is
    // named as itself, with its family, and no other family is said to fit.
    const variantCases = LAB_TEST_SEEDS.flatMap((seed) => lab.variants.map((v) => ({ seed, code: v.code, family: v.family, mayPass: v.mayPass })));
    it.each(variantCases)("seed $seed: buggy variant $code fails and is named", async ({ seed, code, family, mayPass }) => {
      const result = await gradeLabOutput(lab, seed, await buggyOutput(lab, seed, code));
      if (!mayPass) {
        expect(result.passed).toBe(false);
        expect(result.mismatched).toBeGreaterThan(0);
        expect(result.toleranceUsed?.worstRatio ?? 0).toBeGreaterThan(1);
      }
      expect(result.diagnosis?.code).toBe(code);
      expect(result.diagnosis?.family).toBe(family);
      expect(result.diagnosis?.alsoPossible).toBeUndefined();
      expect(MISTAKE_FAMILIES.has(family)).toBe(true);
      expect(result.summary).toContain(result.diagnosis?.title ?? "missing title");
    });

    it("variant outputs differ from each other, and from the reference unless the bug may pass, beyond tolerance", async () => {
      const seed = LAB_TEST_SEEDS[0];
      const outputs = [
        { code: "reference", mayPass: false, output: await referenceOutput(lab, seed) },
        ...(await Promise.all(lab.variants.map(async (v) => ({ code: v.code, mayPass: v.mayPass, output: await buggyOutput(lab, seed, v.code) })))),
      ];
      for (const [i, a] of outputs.entries()) {
        for (const b of outputs.slice(i + 1)) {
          if (a.code === "reference" && b.mayPass) continue;
          expect(compareTensors(a.output, b.output, lab.tolerance).allClose, `${a.code} against ${b.code}`).toBe(false);
        }
      }
    });

    it("a transposed or truncated submission gets a shape message, not a crash", async () => {
      const seed = LAB_TEST_SEEDS[0];
      const reference = await referenceOutput(lab, seed);
      const flipped = await gradeLabOutput(lab, seed, transposed(reference));
      expect(flipped.passed).toBe(false);
      expect(flipped.shapeMessage).toMatch(/transposed\?/);
      const [rows = 0, cols = 0] = reference.shape;
      const short = await gradeLabOutput(lab, seed, { shape: [rows - 1, cols], data: reference.data.slice(0, (rows - 1) * cols) });
      expect(short.passed).toBe(false);
      expect(short.shapeMessage).toContain(`Got [${rows - 1}, ${cols}], expected [${rows}, ${cols}]`);
      expect(short.shapeMessage).toMatch(/Off by one\?/);
      expect(short.maxAbsError).toBeNull();
    });

    it("NaN and ±Infinity are counted and located, never thrown", async () => {
      const seed = LAB_TEST_SEEDS[0];
      const reference = await referenceOutput(lab, seed);
      const data = reference.data.slice();
      data[0] = Number.NaN;
      data[5] = Number.NaN;
      data[7] = Number.POSITIVE_INFINITY;
      data[data.length - 1] = Number.NEGATIVE_INFINITY;
      const result = await gradeLabOutput(lab, seed, { shape: reference.shape, data });
      const cols = reference.shape[reference.shape.length - 1] ?? 1;
      expect(result.passed).toBe(false);
      expect(result.nonFinite).toMatchObject({ nan: 2, posInf: 1, negInf: 1 });
      expect(result.nonFinite.first[0]).toEqual([0, 0]);
      expect(result.nonFinite.first[3]).toEqual([(reference.data.length - 1 - ((reference.data.length - 1) % cols)) / cols, cols - 1]);
      expect(result.mismatched).toBe(4);
      expect(result.diagnosis).toBeNull();
      expect(result.summary).toContain("4 of them NaN or ±Infinity");
    });

    it("same seed gives bit-identical inputs; another seed gives different ones; inputs round-trip through JSON", () => {
      const a = labInputs(lab, 41);
      const b = labInputs(lab, 41);
      const c = labInputs(lab, 42);
      expect(a.map((i) => i.name)).toEqual(labView(lab, 41).inputs.map((i) => i.name));
      a.forEach((input, i) => {
        expect(Array.from(input.tensor.data)).toEqual(Array.from(b[i]?.tensor.data ?? []));
        expect(input.tensor.data.length).toBe(input.tensor.shape.reduce((p, n) => p * n, 1));
        expect(JSON.parse(JSON.stringify(Array.from(input.tensor.data)))).toEqual(Array.from(input.tensor.data));
      });
      expect(a.some((input, i) => Array.from(input.tensor.data).some((v, j) => v !== c[i]?.tensor.data[j]))).toBe(true);
      const jsonBytes = JSON.stringify(a.map(({ name, tensor }) => ({ name, shape: tensor.shape, data: Array.from(tensor.data) }))).length;
      expect(jsonBytes).toBeLessThan(4_000_000);
    });

    it("every available tfjs backend grades the float64 output as passing", async () => {
      const seed = LAB_TEST_SEEDS[1];
      const exact = lab.float64Reference?.(seed);
      if (!exact) throw new Error("no float64 reference");
      const initial = referenceBackend();
      try {
        for (const backend of await availableReferenceBackends()) {
          expect(await useReferenceBackend(backend)).toBe(true);
          const result = await gradeLabOutput(lab, seed, exact);
          expect({ backend: result.backend, passed: result.passed }).toEqual({ backend, passed: true });
        }
      } finally {
        if (initial !== "uninitialised") await useReferenceBackend(initial);
      }
    });

    it("grading leaks no tensors", async () => {
      const seed = LAB_TEST_SEEDS[0];
      const buggy = await buggyOutput(lab, seed, lab.variants[0]?.code ?? "");
      await gradeLabOutput(lab, seed, buggy);
      const before = tf.memory().numTensors;
      await gradeLabOutput(lab, seed, buggy);
      expect(tf.memory().numTensors).toBe(before);
    });
  });
}
