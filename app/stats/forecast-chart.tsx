import type { Forecast } from "@/lib/stats/forecast";
import { weekdayOf } from "@/lib/stats/study-days";
import { longDay, shortDay } from "./day-label";

const WIDTH = 360;
const HEIGHT = 150;
const TOP = 16;
const AXIS = 20;
const BAR_GAP = 2;

/**
 * Cards due per study day for the coming 30 days, today first, as inline SVG
 * bars. Weekdays the learner wants lighter (easy days under 100%) are marked
 * under their bars, so the dip they cause is seen for what it is.
 */
export function ForecastChart({ forecast, easyDays }: { forecast: Forecast; easyDays: readonly number[] }) {
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
        const load = easyDays[weekdayOf(day.key)] ?? 100;
        const easy = load < 100 ? `, easy day (${load}% load)` : "";
        return (
          <g key={day.key}>
            <rect
              x={x}
              width={slot - BAR_GAP}
              y={TOP + plot - height}
              height={height}
              rx={2}
              className={i === 0 ? "bar today" : "bar"}
              data-day={day.key}
              data-due={day.due}
              data-load={load}
            >
              <title>{`${longDay(day.key)}: ${day.due} due${easy}`}</title>
            </rect>
            {load < 100 ? <rect x={x} width={slot - BAR_GAP} y={TOP + plot + 2} height={3} className="easy-mark" /> : null}
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
