import type { Heatmap } from "@/lib/stats/heatmap";
import { longDay, monthOf } from "./day-label";

const CELL = 11;
const GAP = 2;
const LEFT = 24;
const TOP = 14;
const WEEKDAYS = ["Mon", "", "Wed", "", "Fri", "", ""];

/** Reviews per study day as a grid: a column per week, Monday on top, the current week on the right. */
export function ReviewHeatmap({ heatmap }: { heatmap: Heatmap }) {
  const step = CELL + GAP;
  const width = LEFT + heatmap.weeks.length * step;
  const height = TOP + 7 * step;
  // A month label over the first week column that starts in a new month.
  let lastMonth = "";
  return (
    <svg className="chart" viewBox={`0 0 ${width} ${height}`} role="img" aria-labelledby="heatmap-title" data-testid="review-heatmap">
      <title id="heatmap-title">{`Reviews per day, last ${heatmap.weeks.length} weeks: ${heatmap.total} reviews on ${heatmap.activeDays} days`}</title>
      {WEEKDAYS.map((label, row) =>
        label ? (
          <text key={label} x={0} y={TOP + row * step + CELL - 2} className="tick">
            {label}
          </text>
        ) : null,
      )}
      {heatmap.weeks.map((week, column) => {
        const first = week.find((cell) => cell !== null);
        const month = first ? monthOf(first.key) : "";
        const showMonth = month !== lastMonth;
        lastMonth = month;
        return (
          <g key={first?.key ?? column}>
            {showMonth && column < heatmap.weeks.length - 1 ? (
              <text x={LEFT + column * step} y={TOP - 4} className="tick">
                {month}
              </text>
            ) : null}
            {week.map((cell, row) =>
              cell ? (
                <rect
                  key={cell.key}
                  x={LEFT + column * step}
                  y={TOP + row * step}
                  width={CELL}
                  height={CELL}
                  rx={2}
                  className={`heat heat-${cell.level}`}
                  data-day={cell.key}
                  data-count={cell.count}
                >
                  <title>{`${longDay(cell.key)}: ${cell.count} review${cell.count === 1 ? "" : "s"}`}</title>
                </rect>
              ) : null,
            )}
          </g>
        );
      })}
    </svg>
  );
}
