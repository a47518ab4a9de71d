// Helpers shared by the memory-and-positions exercise tests: seeds, and whether a
// value would be graded as the reference under a step's tolerance.
import { DEFAULT_TOLERANCE, withinTolerance, type ExpectedValue } from "@/lib/answers";
import type { StepSpec } from "@/lib/grading/exercise-definition";

/** Seeds every property is checked over. */
export const SEEDS: readonly number[] = Array.from({ length: 500 }, (_, i) => i * 7919 + 1);

/** The value as a flat list of numbers (scalar → one element), with its shape. */
export function flatten(value: ExpectedValue): { shape: number[]; cells: number[] } {
  if (typeof value === "number") return { shape: [], cells: [value] };
  const rows = value.map((row) => (typeof row === "number" ? [row] : [...row]));
  const isVector = value.every((x) => typeof x === "number");
  return isVector ? { shape: [value.length], cells: rows.flat() } : { shape: [rows.length, rows[0]?.length ?? 0], cells: rows.flat() };
}

/** The shape a step's answer spec asks for, as in `flatten`. */
export function stepShape(step: StepSpec): number[] {
  const shape = step.answer.shape;
  if (shape === "scalar") return [];
  return "vector" in shape ? [shape.vector] : [...shape.matrix];
}

/** True when `actual` would be graded correct against `expected` for this step (same shape, every element within tolerance). */
export function gradedEqual(step: StepSpec, actual: ExpectedValue, expected: ExpectedValue): boolean {
  const a = flatten(actual);
  const e = flatten(expected);
  if (a.shape.join("×") !== e.shape.join("×")) return false;
  const tolerance = step.tolerance ?? DEFAULT_TOLERANCE;
  return e.cells.every((value, i) => withinTolerance(a.cells[i] ?? Number.NaN, value, tolerance));
}
