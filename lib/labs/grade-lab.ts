// Grading one submitted output: the tfjs reference for the seed, an
// element-wise comparison, and — when it fails with the right shape — the
// buggy variant that explains it.
import { initReferenceBackend, referenceBackend, useReferenceBackendFor } from "../reference";
import { allowanceWords } from "./allowance-words";
import { compareTensors } from "./compare";
import { allcloseRule, assertSeed, type Lab } from "./define-lab";
import { diagnose } from "./diagnose";
import type { LabDiagnosis, LabGradeResult, LabToleranceUsed, Tensor } from "./lab-types";
import { shapeMessage } from "./shape-message";

/** A passing submission is named after a bug only when it is this many times closer to the bug's output than to the reference. */
const PASS_NAMING_MARGIN = 10;

/**
 * Grades `output` for `lab` and `seed`. Initialises the tfjs backend on first
 * use (idempotent), leaks no tensors, never throws on NaN/±Infinity or a
 * wrong shape (those are results). Throws only on an unusable `output`
 * (data length ≠ product of shape) or a bad seed.
 */
export async function gradeLabOutput(lab: Lab, seed: number, output: Tensor): Promise<LabGradeResult> {
  await initReferenceBackend();
  assertSeed(seed);
  await useReferenceBackendFor(inputElements(lab, seed));
  const started = performance.now();
  assertConsistent(output);
  const expected = lab.reference(seed);
  const comparison = compareTensors(expected, output, lab.tolerance);
  const base = {
    expectedShape: [...expected.shape],
    actualShape: [...output.shape],
    tolerance: { ...lab.tolerance },
    toleranceUsed: toleranceUsed(comparison, lab.tolerance),
    mismatched: comparison.mismatched,
    size: comparison.size,
    worst: comparison.worst,
    nonFinite: comparison.nonFinite,
    backend: referenceBackend(),
  };
  if (!comparison.sameShape) {
    const message = shapeMessage(expected.shape, output.shape, lab.outputAxes, lab.shapeHint(seed, [...output.shape]));
    return {
      ...base,
      passed: false,
      shapeMessage: message,
      maxAbsError: null,
      maxRelError: null,
      diagnosis: null,
      // The why is `shapeMessage`; the summary only names the verdict, so a page showing both says it once.
      summary: "Wrong shape: nothing could be compared element by element.",
      gradingMs: performance.now() - started,
    };
  }
  // A pass is named only after a bug that can stay within the tolerance, and only when the
  // submission sits far closer to that bug's output than to the reference.
  const candidates = lab.variants.filter((v) => !comparison.allClose || v.mayPass);
  const diagnosis =
    candidates.length === 0
      ? null
      : diagnose(
          output,
          candidates.flatMap((v) => {
            const variantOutput = lab.variant(seed, v.code);
            return variantOutput ? [{ ...v, output: variantOutput }] : [];
          }),
          lab.tolerance,
          // NaN/±Infinity elements leave this finite, but no variant can match them anyway.
          (comparison.maxAbsError ?? Infinity) / (comparison.allClose ? PASS_NAMING_MARGIN : 1),
        );
  return {
    ...base,
    passed: comparison.allClose,
    maxAbsError: comparison.maxAbsError,
    maxRelError: comparison.maxRelError,
    diagnosis,
    summary: summarise(comparison, lab.tolerance, diagnosis),
    gradingMs: performance.now() - started,
  };
}

type Comparison = ReturnType<typeof compareTensors>;

function toleranceUsed(comparison: Comparison, tolerance: Lab["tolerance"]): LabToleranceUsed {
  const { worstRatio, worstMargin, worstAt } = comparison;
  return { atol: tolerance.abs, rtol: tolerance.rel, rule: allcloseRule(tolerance), worstRatio, worstMargin, worstAt };
}

function summarise(comparison: Comparison, tolerance: Lab["tolerance"], diagnosis: LabDiagnosis | null): string {
  const { mismatched, size, nonFinite, maxAbsError, worstRatio } = comparison;
  const rule = allcloseRule(tolerance);
  const worst = worstRatio === null ? "" : `; the worst element is at ${allowanceWords(worstRatio)}, atol + rtol·|expected|`;
  if (mismatched === 0) {
    const caution = diagnosis ? ` It matches a known slip, though: ${diagnosis.title}.` : "";
    return `Passed: all ${size} elements within tolerance, ${rule} holds${worst} (max abs error ${format(maxAbsError)}).${caution}`;
  }
  const bad = nonFinite.nan + nonFinite.posInf + nonFinite.negInf;
  const nonFiniteText = bad > 0 ? `, ${bad} of them NaN or ±Infinity` : "";
  const other = diagnosis?.alsoPossible ? ` Also possible: ${diagnosis.alsoPossible.title}.` : "";
  const because = diagnosis ? ` Looks like: ${diagnosis.title}.${other}` : "";
  return `Failed: ${mismatched} of ${size} elements outside tolerance${nonFiniteText} (${rule} is False)${worst} (max abs error ${format(maxAbsError)}).${because}`;
}

function format(value: number | null): string {
  return value === null ? "n/a" : value.toPrecision(3);
}

/** The job's size for the backend choice: every input element (activations and weights). */
function inputElements(lab: Lab, seed: number): number {
  return lab.inputs(seed).reduce((n, input) => n + input.tensor.data.length, 0);
}

function assertConsistent(t: Tensor): void {
  const size = t.shape.reduce((p, n) => p * n, 1);
  if (!t.shape.every((n) => Number.isInteger(n) && n >= 0) || size !== t.data.length) {
    throw new RangeError(`lab output: data length ${t.data.length} does not match shape [${t.shape.join(", ")}]`);
  }
}

/** What a correct learner submits for `lab` and `seed` (the tfjs reference, float32 values in a Float64Array). */
export async function referenceOutput(lab: Lab, seed: number): Promise<Tensor> {
  await initReferenceBackend();
  return lab.reference(assertSeed(seed));
}

/** The output of the buggy variant `code` (tests, demos); throws on an unknown code. */
export async function buggyOutput(lab: Lab, seed: number, code: string): Promise<Tensor> {
  await initReferenceBackend();
  const output = lab.variant(assertSeed(seed), code);
  if (!output) throw new RangeError(`lab ${lab.slug} has no variant "${code}"`);
  return output;
}
