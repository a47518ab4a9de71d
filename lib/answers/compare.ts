import type { ParsedOk, Tolerance } from "./answer-spec";
import { DEFAULT_TOLERANCE, describeTolerance, withinTolerance } from "./tolerance";

/** Expected value(s) in the answer's canonical unit, shaped like the exercise's answer. */
export type ExpectedValue = number | readonly number[] | readonly (readonly number[])[];

/** One element's verdict; `index` is 0-based ([i] for vectors, [row, col] for matrices, [] for a scalar). */
export type ElementVerdict = { index: number[]; expected: number; actual: number; correct: boolean };

export type Comparison =
  | { kind: "compared"; correct: boolean; elements: ElementVerdict[]; wrong: number[][]; message: string }
  | { kind: "shape-mismatch"; correct: false; expectedShape: number[]; actualShape: number[]; message: string };

type Grid = { shape: number[]; cells: { index: number[]; value: number }[] };

function gridOf(value: ExpectedValue | ParsedOk): Grid {
  const raw = typeof value === "number" ? value : "ok" in value ? (value.kind === "scalar" ? value.value : value.values) : value;
  if (typeof raw === "number") return { shape: [], cells: [{ index: [], value: raw }] };
  if (raw.every((x): x is number => typeof x === "number")) {
    return { shape: [raw.length], cells: raw.map((v, i) => ({ index: [i], value: v })) };
  }
  const rows = raw.map((row) => (typeof row === "number" ? [row] : row));
  const cols = rows[0]?.length ?? 0;
  const ragged = rows.some((row) => row.length !== cols);
  return {
    shape: ragged ? [rows.length, -1] : [rows.length, cols],
    cells: rows.flatMap((row, r) => row.map((v, c) => ({ index: [r, c], value: v }))),
  };
}

/** A single row or column typed for a vector counts as that vector. */
function asVector(grid: Grid): Grid {
  const [rows, cols] = grid.shape;
  if (grid.shape.length !== 2 || (rows !== 1 && cols !== 1)) return grid;
  return { shape: [grid.cells.length], cells: grid.cells.map((cell, i) => ({ index: [i], value: cell.value })) };
}

const describeShape = (shape: readonly number[]): string =>
  shape.length === 0 ? "a single number" : shape.length === 1 ? `a list of ${shape[0]}` : `a ${shape[0]}×${shape[1]} matrix`;

const position = (index: readonly number[]): string => (index.length === 1 ? `${(index[0] ?? 0) + 1}` : `(${index.map((i) => i + 1).join(", ")})`);

/**
 * Compares a parsed answer with the expected value(s), element-wise, under `tolerance`
 * (default 1% relative). Both must be in the same unit: the canonical unit `parseAnswer` converted
 * to. A shape difference (3 values for a list of 2, a number for a matrix) is reported as such with
 * both shapes, not as wrong elements. Wrong elements are listed by 0-based index; the message
 * names them 1-based and states the tolerance, without revealing the expected values.
 */
export function compareAnswer(parsed: ParsedOk, expected: ExpectedValue, tolerance: Tolerance = DEFAULT_TOLERANCE): Comparison {
  const want = gridOf(expected);
  const rawGot = gridOf(parsed);
  const got = want.shape.length === 1 ? asVector(rawGot) : rawGot;
  if (got.shape.join("×") !== want.shape.join("×") || want.shape.includes(-1)) {
    return {
      kind: "shape-mismatch",
      correct: false,
      expectedShape: want.shape,
      actualShape: got.shape,
      message: `Expected ${describeShape(want.shape)}, got ${describeShape(got.shape)}.`,
    };
  }
  const elements = want.cells.map((cell, i) => {
    const actual = got.cells[i]?.value ?? Number.NaN;
    return { index: cell.index, expected: cell.value, actual, correct: withinTolerance(actual, cell.value, tolerance) };
  });
  const wrong = elements.filter((e) => !e.correct).map((e) => e.index);
  const message =
    wrong.length === 0
      ? "Correct."
      : want.shape.length === 0
        ? `Not within tolerance: the answer must agree ${describeTolerance(tolerance)}.`
        : `${wrong.length} of ${elements.length} wrong: ${wrong.map(position).join(", ")} (each must agree ${describeTolerance(tolerance)}).`;
  return { kind: "compared", correct: wrong.length === 0, elements, wrong, message };
}
