// Attention masks as grids of booleans: rows are queries i, columns are keys
// j, true = query i may attend to key j. The reference masks per kind, and the
// grader that marks each cell and names a known wrong mask when the whole grid
// matches one.
import { share, type DrawingGrade, type DrawingItemResult } from "./drawing-grade";

export type MaskKind = "causal" | "sliding-window" | "bidirectional" | "prefix-lm";

export type MaskParams = {
  kind: MaskKind;
  /** Sequence length: the grid is n × n. */
  n: number;
  /** Sliding window: keys a query sees, itself included (i − w < j ≤ i). */
  window?: number;
  /** Prefix-LM: positions 0 … p − 1 form the prefix that every query sees in full. */
  prefix?: number;
};

export type Mask = boolean[][];

/** The n × n grid with `visible(i, j)` in each cell. */
export function maskFrom(n: number, visible: (i: number, j: number) => boolean): Mask {
  return Array.from({ length: n }, (_, i) => Array.from({ length: n }, (_, j) => visible(i, j)));
}

/** The right mask for these params. Window and prefix default to 1 when absent. */
export function referenceMask(p: MaskParams): Mask {
  const w = p.window ?? 1;
  const prefix = p.prefix ?? 1;
  switch (p.kind) {
    case "causal":
      return maskFrom(p.n, (i, j) => j <= i);
    case "sliding-window":
      return maskFrom(p.n, (i, j) => j <= i && j > i - w);
    case "bidirectional":
      return maskFrom(p.n, () => true);
    case "prefix-lm":
      return maskFrom(p.n, (i, j) => j < prefix || j <= i);
  }
}

/** A wrong mask learners draw, with its code and the sentence that names the mistake. */
export type WrongMask = { code: string; message: string; mask: Mask };

export const sameMask = (a: Mask, b: Mask): boolean =>
  a.length === b.length && a.every((row, i) => row.length === b[i]?.length && row.every((v, j) => v === b[i]?.[j]));

/** Why a grid cannot be graded against an n × n reference, or null when it can. */
export function maskShapeIssue(grid: Mask, n: number): string | null {
  if (grid.length !== n) return `The grid must have ${n} rows (one per query), not ${grid.length}`;
  const bad = grid.findIndex((row) => row.length !== n);
  return bad >= 0 ? `Row ${bad} must have ${n} cells (one per key), not ${grid[bad]?.length}` : null;
}

/**
 * Grades a grid cell by cell against the reference: score = share of cells
 * right, correct = all right. Each cell is an item ("i,j"); a wrong cell is
 * "missing" (should be filled) or "extra" (should be empty). When the whole
 * grid equals one of `wrongMasks` (and is not right), that misconception is
 * named. A grid of the wrong size scores 0 with the size problem as feedback.
 */
export function gradeMask(reference: Mask, grid: Mask, wrongMasks: readonly WrongMask[]): DrawingGrade {
  const shape = maskShapeIssue(grid, reference.length);
  if (shape) return { score: 0, correct: false, items: [], misconceptions: [], feedback: `${shape}.` };
  const items: DrawingItemResult[] = reference.flatMap((row, i) =>
    row.map((expected, j) => {
      const given = grid[i]?.[j] === true;
      const item: DrawingItemResult = { key: `${i},${j}`, label: `query ${i} → key ${j}`, correct: given === expected };
      if (given !== expected) item.problem = expected ? "missing" : "extra";
      return item;
    }),
  );
  const wrong = items.filter((c) => !c.correct);
  const correct = wrong.length === 0;
  const matched = correct ? undefined : wrongMasks.find((m) => sameMask(m.mask, grid));
  const misconceptions = matched ? [{ code: matched.code, message: matched.message }] : [];
  return { score: share(items.length - wrong.length, items.length), correct, items, misconceptions, feedback: maskFeedback(wrong) };
}

// The named mistake travels in `misconceptions`; the feedback counts the cells so the page says each thing once.
function maskFeedback(wrong: DrawingItemResult[]): string {
  if (wrong.length === 0) return "Every cell is right.";
  const missing = wrong.filter((c) => c.problem === "missing").length;
  const extra = wrong.length - missing;
  const parts = [missing ? `${missing} cell${missing === 1 ? "" : "s"} left empty that may attend` : "", extra ? `${extra} filled that must not` : ""];
  return `${wrong.length} cell${wrong.length === 1 ? "" : "s"} wrong: ${parts.filter(Boolean).join(", ")}.`;
}
