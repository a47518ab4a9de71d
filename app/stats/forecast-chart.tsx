import type { Forecast } from "@/lib/stats/forecast";
import { longDay, shortDay } from "./day-label";

const WIDTH = 360;
const HEIGHT = 150;
const TOP = 16;
const AXIS = 20;
const BAR_GAP = 2;

/** Cards due per study day for the coming 30 days, today first, as inline SVG bars. */
export function ForecastChart({ forecast }: { forecast: Forecast }) {
  const slot = WIDTH / forecast.days.length;
  const plot = HEIGHT - TOP - AXIS;
  const scale = forecast.max > 0 ? plot / forecast.max : 0;
  return (
    <svg className="chart" viewBox={`0 0 ${WIDTH} ${HEIGHT}`} role="img" aria-labelledby="forecast-title" data-testid="forecast-chart">
      <title id="forecast-title">{`Cards due per day for the next ${forecast.days.length} days: ${forecast.total} in all`}</title>
      <line x1={0} x2={WIDTH} y1={TOP + plot + 0.5} y2={TOP + plot + 0.5} className="axis" />
      <text x={WIDTH} y={10} className="tick" textAnchor="end">{`max ${forecast.max}`}</text>
      {forecast.days.map((day, i) => {
        const height = day.due > 0 ? Math.max(2, day.due * scale) : 0;
        const x = i * slot + BAR_GAP / 2;
        return (
          <g key={day.key}>
            <rect x={x} width={slot - BAR_GAP} y={TOP + plot - height} height={height} rx={2} className={i === 0 ? "bar today" : "bar"}>
              <title>{`${longDay(day.key)}: ${day.due} due`}</title>
            </rect>
            {i % 7 === 0 ? (
              <text x={i === 0 ? x : x + (slot - BAR_GAP) / 2} y={HEIGHT - 5} className="tick" textAnchor={i === 0 ? "start" : "middle"}>
                {i === 0 ? "today" : shortDay(day.key)}
              </text>
            ) : null}
          </g>
        );
      })}
    </svg>
  );
}
