// Comparing plain expected values with each other, through the answers module's comparison.
import { compareAnswer, DEFAULT_TOLERANCE, type ExpectedValue, type ParsedOk, type Tolerance } from "../answers";

/** An expected value wrapped as a parsed answer, so it can be compared like a learner's answer. */
export function asParsed(value: ExpectedValue): ParsedOk {
  if (typeof value === "number") return { ok: true, kind: "scalar", value, notes: [] };
  if (value.every((x): x is number => typeof x === "number")) return { ok: true, kind: "vector", values: [...value], notes: [] };
  return { ok: true, kind: "matrix", values: value.map((row) => (typeof row === "number" ? [row] : [...row])), notes: [] };
}

/** Whether `actual` agrees with `expected` everywhere under `tolerance` (same shape required). */
export function valuesMatch(actual: ExpectedValue, expected: ExpectedValue, tolerance: Tolerance = DEFAULT_TOLERANCE): boolean {
  return compareAnswer(asParsed(actual), expected, tolerance).correct;
}
