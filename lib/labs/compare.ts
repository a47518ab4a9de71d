// Element-wise comparison of a submitted tensor with an expected one, numpy
// allclose style. Never throws on NaN or ±Infinity: they are counted, located
// and treated as mismatches.
import type { LabTolerance } from "./define-lab";
import type { LabWorstPosition, Tensor } from "./lab-types";

/** How many worst positions and non-finite positions a comparison reports. */
export const REPORTED_POSITIONS = 5;

export type TensorComparison = {
  /** Same shape (rank and every axis). When false, the error figures are null/0. */
  sameShape: boolean;
  /** |a − e| ≤ abs + rel·|e| for every element (NaN/±Infinity in `actual` never are). */
  allClose: boolean;
  /** Over elements where both values are finite; null when shapes differ or none are. */
  maxAbsError: number | null;
  /** Max |a − e|/|e| over finite elements with e ≠ 0; null when there are none. */
  maxRelError: number | null;
  /** Max over finite elements of |a − e| / (abs + rel·|e|): ≤ 1 for every element that passes; null when shapes differ or none are finite. */
  worstRatio: number | null;
  /** Max over finite elements of |a − e| − (abs + rel·|e|). */
  worstMargin: number | null;
  /** Index per axis of the element with the worst ratio. */
  worstAt: number[] | null;
  /** Elements outside tolerance, NaN/±Infinity included. */
  mismatched: number;
  size: number;
  worst: LabWorstPosition[];
  nonFinite: { nan: number; posInf: number; negInf: number; first: number[][] };
};

/** Index per axis of flat position `flat` in a row-major tensor of `shape`. */
export function unflatten(flat: number, shape: readonly number[]): number[] {
  const index = new Array<number>(shape.length).fill(0);
  let rest = flat;
  for (let axis = shape.length - 1; axis >= 0; axis--) {
    const size = shape[axis] ?? 1;
    index[axis] = rest % size;
    rest = Math.floor(rest / size);
  }
  return index;
}

export function sameShape(a: readonly number[], b: readonly number[]): boolean {
  return a.length === b.length && a.every((n, i) => n === b[i]);
}

/** NaN / +Infinity / −Infinity counts of `t`, with the first few positions (index per axis). */
export function countNonFinite(t: Tensor): TensorComparison["nonFinite"] {
  const result = { nan: 0, posInf: 0, negInf: 0, first: [] as number[][] };
  for (let i = 0; i < t.data.length; i++) {
    const v = t.data[i] ?? 0;
    if (Number.isFinite(v)) continue;
    if (Number.isNaN(v)) result.nan++;
    else if (v > 0) result.posInf++;
    else result.negInf++;
    if (result.first.length < REPORTED_POSITIONS) result.first.push(unflatten(i, t.shape));
  }
  return result;
}

/**
 * Compares `actual` with `expected` under `tolerance`. O(n) with a bounded
 * top-5 list, so it is cheap next to the reference forward pass.
 */
export function compareTensors(expected: Tensor, actual: Tensor, tolerance: LabTolerance): TensorComparison {
  const nonFinite = countNonFinite(actual);
  const size = expected.data.length;
  if (!sameShape(expected.shape, actual.shape) || actual.data.length !== size) {
    const none = { worstRatio: null, worstMargin: null, worstAt: null };
    return { sameShape: false, allClose: false, maxAbsError: null, maxRelError: null, ...none, mismatched: size, size, worst: [], nonFinite };
  }
  let maxAbs: number | null = null;
  let maxRel: number | null = null;
  let worstRatio: number | null = null;
  let worstMargin: number | null = null;
  let worstRatioFlat = -1;
  let mismatched = 0;
  const worst: { flat: number; absError: number }[] = [];
  for (let i = 0; i < size; i++) {
    const e = expected.data[i] ?? 0;
    const a = actual.data[i] ?? 0;
    if (!Number.isFinite(a) || !Number.isFinite(e)) {
      mismatched++;
      continue;
    }
    const absError = Math.abs(a - e);
    if (maxAbs === null || absError > maxAbs) maxAbs = absError;
    if (e !== 0) {
      const rel = absError / Math.abs(e);
      if (maxRel === null || rel > maxRel) maxRel = rel;
    }
    const allowance = tolerance.abs + tolerance.rel * Math.abs(e);
    const ratio = allowance > 0 ? absError / allowance : absError === 0 ? 0 : Infinity;
    if (worstRatio === null || ratio > worstRatio) {
      worstRatio = ratio;
      worstRatioFlat = i;
    }
    if (worstMargin === null || absError - allowance > worstMargin) worstMargin = absError - allowance;
    if (absError <= allowance) continue;
    mismatched++;
    insertWorst(worst, { flat: i, absError });
  }
  return {
    sameShape: true,
    allClose: mismatched === 0,
    maxAbsError: maxAbs,
    maxRelError: maxRel,
    worstRatio,
    worstMargin,
    worstAt: worstRatioFlat < 0 ? null : unflatten(worstRatioFlat, expected.shape),
    mismatched,
    size,
    worst: worst.map(({ flat, absError }) => ({
      index: unflatten(flat, expected.shape),
      expected: expected.data[flat] ?? 0,
      actual: actual.data[flat] ?? 0,
      absError,
    })),
    nonFinite,
  };
}

/** Keeps `list` as the top REPORTED_POSITIONS by absError, largest first; ties keep the earlier position. */
function insertWorst(list: { flat: number; absError: number }[], item: { flat: number; absError: number }): void {
  if (list.length === REPORTED_POSITIONS && item.absError <= (list[list.length - 1]?.absError ?? 0)) return;
  let at = list.length;
  while (at > 0 && (list[at - 1]?.absError ?? 0) < item.absError) at--;
  list.splice(at, 0, item);
  if (list.length > REPORTED_POSITIONS) list.pop();
}

/** Max |a − b| over all elements; Infinity when any element is non-finite or shapes differ. */
export function maxAbsDifference(a: Tensor, b: Tensor): number {
  if (!sameShape(a.shape, b.shape)) return Infinity;
  let max = 0;
  for (let i = 0; i < a.data.length; i++) {
    const d = Math.abs((a.data[i] ?? 0) - (b.data[i] ?? 0));
    if (!(d <= max)) max = Number.isNaN(d) ? Infinity : d;
  }
  return max;
}
