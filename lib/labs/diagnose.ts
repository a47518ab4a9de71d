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

export type VariantOutput = { code: string; title: string; message: string; output: Tensor };

/**
 * The closest matching variant, or null. Rule: a variant is a candidate when
 * every element of `actual` is within the loosened tolerance of it and its
 * max |actual − variant| is strictly smaller than `referenceMaxAbsError`
 * (it explains the submission better than the reference does); among
 * candidates the smallest max |actual − variant| wins, ties to list order.
 */
export function diagnose(actual: Tensor, variants: readonly VariantOutput[], tolerance: LabTolerance, referenceMaxAbsError: number): LabDiagnosis | null {
  const loose = { abs: tolerance.abs * DIAGNOSIS_LOOSENESS, rel: tolerance.rel * DIAGNOSIS_LOOSENESS };
  let best: LabDiagnosis | null = null;
  for (const variant of variants) {
    const comparison = compareTensors(variant.output, actual, loose);
    if (!comparison.allClose) continue;
    const maxAbsError = maxAbsDifference(actual, variant.output);
    if (!(maxAbsError < referenceMaxAbsError)) continue;
    if (best === null || maxAbsError < best.maxAbsError) {
      best = { code: variant.code, title: variant.title, message: variant.message, maxAbsError };
    }
  }
  return best;
}
