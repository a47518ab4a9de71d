import type { WorkloadDay } from "@/lib/simulator/forecast-workload";
import { shortDay } from "./day-label";

const WIDTH = 360;
const HEIGHT = 170;
const TOP = 16;
const AXIS = 20;
const BAR_GAP = 1;
const DAYS_PER_BAR = 7;

type Week = { key: string; reviews: number; minutes: number; knowledge: number };

/** Days → weeks: mean reviews and minutes per day, knowledge at the week's end. */
function weeks(days: readonly WorkloadDay[]): Week[] {
  const out: Week[] = [];
  for (let i = 0; i < days.length; i += DAYS_PER_BAR) {
    const chunk = days.slice(i, i + DAYS_PER_BAR);
    const mean = (pick: (d: WorkloadDay) => number) => chunk.reduce((n, d) => n + pick(d), 0) / chunk.length;
    out.push({ key: chunk[0]?.day ?? "", reviews: mean((d) => d.reviews), minutes: mean((d) => d.minutes), knowledge: chunk.at(-1)?.knowledge ?? 0 });
  }
  return out;
}

/**
 * A year of simulated study as inline SVG: bars are reviews per day (the mean
 * of each week), the line is the cards you would recall at each week's end.
 */
export function WorkloadChart({ days }: { days: readonly WorkloadDay[] }) {
  const data = weeks(days);
  const slot = WIDTH / Math.max(1, data.length);
  const plot = HEIGHT - TOP - AXIS;
  const maxReviews = Math.max(1, ...data.map((w) => w.reviews));
  const maxKnowledge = Math.max(1, ...data.map((w) => w.knowledge));
  const line = data.map((w, i) => `${(i * slot + slot / 2).toFixed(1)},${(TOP + plot - (w.knowledge / maxKnowledge) * plot).toFixed(1)}`).join(" ");
  return (
    <svg className="chart" viewBox={`0 0 ${WIDTH} ${HEIGHT}`} role="img" aria-labelledby="workload-title" data-testid="workload-chart">
      <title id="workload-title">{`Simulated reviews per day (bars, up to ${Math.round(maxReviews)}) and cards recalled (line, up to ${maxKnowledge}) over ${days.length} days`}</title>
      <line x1={0} x2={WIDTH} y1={TOP + plot + 0.5} y2={TOP + plot + 0.5} className="axis" />
      <text x={0} y={10} className="tick">{`${Math.round(maxReviews)} reviews/day`}</text>
      <text x={WIDTH} y={10} className="tick known" textAnchor="end">{`${maxKnowledge.toLocaleString("en")} known`}</text>
      {data.map((w, i) => {
        const height = w.reviews > 0 ? Math.max(1, (w.reviews / maxReviews) * plot) : 0;
        const x = i * slot + BAR_GAP / 2;
        return (
          <g key={w.key}>
            <rect x={x} width={Math.max(0.5, slot - BAR_GAP)} y={TOP + plot - height} height={height} className="bar">
              <title>{`Week of ${shortDay(w.key)}: ${Math.round(w.reviews)} reviews, ${w.minutes.toFixed(1)} min a day; ${w.knowledge} cards known`}</title>
            </rect>
            {i % 9 === 0 ? (
              <text x={i === 0 ? x : x + slot / 2} y={HEIGHT - 5} className="tick" textAnchor={i === 0 ? "start" : "middle"}>
                {i === 0 ? "today" : shortDay(w.key)}
              </text>
            ) : null}
          </g>
        );
      })}
      <polyline points={line} className="knowledge" fill="none" />
    </svg>
  );
}
