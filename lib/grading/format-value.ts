// Writing a value the way a learner would type it, for showing expected answers and for tests.
import type { ExpectedValue } from "../answers";

/**
 * `value` rounded to `digits` significant figures, without trailing zeros; integers below 1e15
 * print exactly (byte and parameter counts are graded to the unit); −0 prints as 0.
 */
export function formatNumber(value: number, digits = 6): string {
  const rounded = Number.isInteger(value) && Math.abs(value) < 1e15 ? value : Number(value.toPrecision(digits));
  return Object.is(rounded, -0) ? "0" : String(rounded);
}

/**
 * A step value as answer text: `1.22474`, `[0.632456, 1.26491]`, `[[1, 0], [0.5, 0.5]]`.
 * `digits` significant figures per non-integer element (default 6, inside any relative tolerance ≥ 1e-5).
 */
export function formatStepValue(value: ExpectedValue, digits = 6): string {
  if (typeof value === "number") return formatNumber(value, digits);
  const row = (r: readonly number[]): string => `[${r.map((v) => formatNumber(v, digits)).join(", ")}]`;
  if (value.every((x): x is number => typeof x === "number")) return row(value);
  return `[${value.map((r) => (typeof r === "number" ? row([r]) : row(r))).join(", ")}]`;
}
