// Which known bug explains a failed submission: the buggy variant of the
// reference that the submission matches, if any, and the closest one when
// several match.
import { compareTensors, maxAbsDifference } from "./compare";
import type { LabTolerance } from "./define-lab";
import type { LabDiagnosis, Tensor } from "./lab-types";

/**
 * A variant "matches" under a tolerance this many times looser than the
 * grading tolerance. Why looser: the learner's buggy code and our buggy
 * variant can differ in summation order or in where float32 rounding happens,
 * and bugs such as a missing mask amplify those differences; the variants
 * themselves differ from each other and from the reference by ≥ 1e-2 on the
 * lab inputs, so 10× (abs 1e-3, rel 1e-2) still separates them.
 */
export const DIAGNOSIS_LOOSENESS = 10;

export type VariantOutput = { code: string; family?: string; title: string; message: string; output: Tensor };

/**
 * The closest matching variant, or null. Rule: a variant is a candidate when
 * every element of `actual` is within the loosened tolerance of it and its
 * max |actual − variant| is strictly smaller than `referenceMaxAbsError`
 * (it explains the submission better than the reference does); among
 * candidates the smallest max |actual − variant| wins, ties to list order.
 * The next candidate of another family, if any, is reported as also possible.
 */
export function diagnose(actual: Tensor, variants: readonly VariantOutput[], tolerance: LabTolerance, referenceMaxAbsError: number): LabDiagnosis | null {
  const loose = { abs: tolerance.abs * DIAGNOSIS_LOOSENESS, rel: tolerance.rel * DIAGNOSIS_LOOSENESS };
  const candidates = variants
    .flatMap((variant, order) => {
      if (!compareTensors(variant.output, actual, loose).allClose) return [];
      const maxAbsError = maxAbsDifference(actual, variant.output);
      return maxAbsError < referenceMaxAbsError ? [{ variant, order, maxAbsError }] : [];
    })
    .sort((a, b) => a.maxAbsError - b.maxAbsError || a.order - b.order);
  const [best, ...rest] = candidates;
  if (!best) return null;
  const familyOf = (v: VariantOutput): string => v.family ?? v.code;
  const other = rest.find((c) => familyOf(c.variant) !== familyOf(best.variant))?.variant;
  const { code, family, title, message } = best.variant;
  return {
    code,
    ...(family ? { family } : {}),
    title,
    message,
    maxAbsError: best.maxAbsError,
    ...(other ? { alsoPossible: { code: other.code, ...(other.family ? { family: other.family } : {}), title: other.title } } : {}),
  };
}
