import type { Tolerance } from "./answer-spec";

/** 1% relative, the grader's default for a numeric answer. */
export const DEFAULT_TOLERANCE: Tolerance = { mode: "relative", rel: 0.01 };

/** Absolute slack for float noise (e.g. 0.1 + 0.2), used when a bound would otherwise be zero. */
const FLOAT_SLACK = 1e-12;

/** Half a unit in the last place, widened by a hair so a value exactly on the boundary passes. */
const halfUnit = (exponent: number): number => 0.5 * 10 ** exponent * (1 + 1e-9);

/**
 * Whether `actual` agrees with `expected` (same unit) under `tolerance`.
 * - relative: |a − e| ≤ rel·|e|, or ≤ abs when given (either bound suffices; 1e-12 always).
 * - sigfigs: a lies within half a unit of e's `digits`-th significant figure, so −1.22 and
 *   −1.225 both agree with −1.2247 to 3 figures and no double rounding is involved.
 * - decimals: a lies within half a unit of the `places`-th decimal of e.
 */
export function withinTolerance(actual: number, expected: number, tolerance: Tolerance): boolean {
  const diff = Math.abs(actual - expected);
  if (diff <= FLOAT_SLACK) return true;
  switch (tolerance.mode) {
    case "relative":
      return diff <= tolerance.rel * Math.abs(expected) || diff <= (tolerance.abs ?? 0);
    case "sigfigs": {
      if (expected === 0) return false;
      const leading = Math.floor(Math.log10(Math.abs(expected)));
      return diff <= halfUnit(leading - tolerance.digits + 1);
    }
    case "decimals":
      return diff <= halfUnit(-tolerance.places);
  }
}

const percent = (fraction: number): string => `${Number((fraction * 100).toPrecision(3))}%`;

/** The tolerance in words, for feedback: "within 1%", "within 1% or 0.001", "to 3 significant figures", "to 2 decimal places". */
export function describeTolerance(tolerance: Tolerance): string {
  switch (tolerance.mode) {
    case "relative":
      return tolerance.abs ? `within ${percent(tolerance.rel)} or ${tolerance.abs}` : `within ${percent(tolerance.rel)}`;
    case "sigfigs":
      return `to ${tolerance.digits} significant figure${tolerance.digits === 1 ? "" : "s"}`;
    case "decimals":
      return `to ${tolerance.places} decimal place${tolerance.places === 1 ? "" : "s"}`;
  }
}
