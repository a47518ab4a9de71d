// What grading a drawing returns, whatever its kind: one verdict per item
// (a grid cell, a connection, a rubric line), the totals, and the named
// mistakes. Stored as an ExerciseAttempt's steps, score, correct and misconceptions.

/** One graded item: a cell "r,c", a connection "from->to", or a rubric key. */
export type DrawingItemResult = {
  key: string;
  /** Short words for the learner, e.g. "query 3 → key 1" or "first add ← block input x (shortcut)". */
  label: string;
  correct: boolean;
  /** Why it is wrong: a cell or connection the answer lacks ("missing") or has in excess ("extra"). */
  problem?: "missing" | "extra" | "unticked";
};

/** A known wrong way of drawing the prompt that the answer matched. */
export type DrawingMisconception = { code: string; message: string };

export type DrawingGrade = {
  /** 0..1: the share of items right (cells, connections) or ticked (rubric). */
  score: number;
  /** Passed: every cell right, every connection right, or every rubric item ticked. */
  correct: boolean;
  /** Every graded item in a stable order (cells row by row, connections in flow order, rubric as authored). */
  items: DrawingItemResult[];
  misconceptions: DrawingMisconception[];
  /** One or two sentences: the verdict, the named mistake or the first wrong connection. */
  feedback: string;
};

/** Rounds a share to 4 decimals so stored scores compare exactly in tests and reports. */
export function share(right: number, total: number): number {
  return total <= 0 ? 0 : Math.round((right / total) * 10_000) / 10_000;
}
