// biome-ignore-all lint/suspicious/noArrayIndexKey: the grid is fixed, so a cell is its row and column.
"use client";
// An n × n mask to fill by tapping: rows are queries, columns are keys, a
// filled cell means "may attend". After grading, wrong cells are marked:
// a dashed ring for a cell that should be filled, a cross for one that should not.
import type { DrawingItemResult } from "@/lib/drawing/drawing-grade";

type Props = {
  grid: boolean[][];
  onToggle: (row: number, col: number) => void;
  results: DrawingItemResult[] | null;
  disabled: boolean;
};

export function MaskGridInput({ grid, onToggle, results, disabled }: Props) {
  const n = grid.length;
  const problems = new Map((results ?? []).filter((r) => r.problem).map((r) => [r.key, r.problem]));
  return (
    <div className="mask-wrap">
      <p className="muted small mask-axis">keys j →</p>
      {/* biome-ignore lint/a11y/useSemanticElements: one CSS grid of toggle buttons with row and column heads; a table cannot lay out as that grid. */}
      <div
        className="mask-grid"
        style={{ gridTemplateColumns: `2.2em repeat(${n}, 1fr)` }}
        role="grid"
        aria-label="Attention mask: rows are queries, columns are keys"
      >
        <span />
        {grid.map((_, j) => (
          <span key={`k${j}`} className="mask-head">
            {j}
          </span>
        ))}
        {grid.map((row, i) => [
          <span key={`q${i}`} className="mask-head">
            q{i}
          </span>,
          ...row.map((on, j) => {
            const problem = problems.get(`${i},${j}`);
            return (
              <button
                key={`${i},${j}`}
                type="button"
                className={`mask-cell${on ? " on" : ""}${problem ? ` ${problem}` : ""}`}
                aria-pressed={on}
                aria-label={`query ${i}, key ${j}${on ? ", may attend" : ""}${problem ? `, ${problem}` : ""}`}
                data-testid={`cell-${i}-${j}`}
                data-problem={problem ?? undefined}
                disabled={disabled}
                onClick={() => onToggle(i, j)}
              >
                {problem === "extra" ? "×" : ""}
              </button>
            );
          }),
        ])}
      </div>
      {results ? (
        <p className="muted small mask-legend">
          <span className="legend missing" /> should be filled · <span className="legend extra">×</span> must stay empty
        </p>
      ) : null}
    </div>
  );
}
