import { IntentLink } from "@/app/components/intent-link";
import { db } from "@/lib/db/client";
import { MIN_RETENTION_REVIEWS, retentionSentence, type RetentionWindow } from "@/lib/stats/retention";
import { getStats } from "@/lib/stats/get-stats";
import { selectUserSettings } from "@/lib/data/user-settings";
import { TopBar } from "@/app/components/top-bar";
import { requireSessionUser } from "../session-user";
import { ForecastChart } from "./forecast-chart";
import { ReviewHeatmap } from "./review-heatmap";
import { WorkloadSimulator } from "./workload-simulator";
import "./stats.css";

export const dynamic = "force-dynamic";
export const metadata = { title: "Stats · Residual" };

const WEEKDAY_NAMES = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"];

/** What shapes the forecast besides the cards: easy days (marked under their bars) and load balancing. */
function EasyDaysNote({ easyDays, loadBalancing }: { easyDays: readonly number[]; loadBalancing: boolean }) {
  const light = WEEKDAY_NAMES.flatMap((name, i) => ((easyDays[i] ?? 100) < 100 ? [`${name} ${easyDays[i]}%`] : []));
  return (
    <p className="muted small" data-testid="easy-days-note">
      {light.length > 0 ? <>Easy days (marked under the bars): {light.join(", ")}. </> : null}
      {loadBalancing ? "Load balancing spreads each card you review over the lighter days of its range." : "Load balancing is off."}{" "}
      <IntentLink href="/settings#easy-days">Change</IntentLink>
    </p>
  );
}

export default async function StatsPage() {
  const user = await requireSessionUser();
  const [stats, settings] = await Promise.all([getStats(db(), user.id, new Date()), selectUserSettings(db(), user.id)]);
  const { forecast, heatmap } = stats;
  const today = forecast.days[0]?.due ?? 0;
  const month = stats.retention.find((window) => window.days === 30);
  return (
    <main className="shell stack">
      <TopBar
        links={[
          { href: "/progress", label: "Progress" },
          { href: "/settings", label: "Settings" },
        ]}
      />
      <h1 className="page-title">Stats</h1>

      <section className="panel stack stats-panel" data-testid="streak">
        <p className="streak">
          <strong>{stats.streak}</strong>
          <span className="muted">day{stats.streak === 1 ? "" : "s"} in a row</span>
        </p>
        {month && <p data-testid="retention-sentence">Last 30 days: {retentionSentence(month)}.</p>}
        <div className="stat-figures" data-testid="retention">
          {stats.retention.map((window) => (
            <RetentionFigure key={window.days} window={window} />
          ))}
        </div>
        <p className="muted small">
          True retention: reviews of cards past their learning steps not rated Again. Shown from {MIN_RETENTION_REVIEWS} reviews on.
        </p>
      </section>

      <section className="panel stack stats-panel" data-testid="forecast">
        <h2>Due in the next {forecast.days.length} days</h2>
        <p className="muted small">
          {today} today{forecast.overdue > 0 ? ` (${forecast.overdue} overdue)` : ""} · {forecast.total} in all
        </p>
        <ForecastChart forecast={forecast} easyDays={settings.easyDays} />
        <EasyDaysNote easyDays={settings.easyDays} loadBalancing={settings.loadBalancing} />
      </section>

      <WorkloadSimulator initialRetention={settings.desiredRetention} />

      <section className="panel stack stats-panel" data-testid="heatmap">
        <h2>Reviews</h2>
        <p className="muted small">
          {heatmap.total} reviews on {heatmap.activeDays} day{heatmap.activeDays === 1 ? "" : "s"} in {heatmap.weeks.length} weeks · days in {stats.timeZone}
        </p>
        <ReviewHeatmap heatmap={heatmap} />
        <div className="heat-legend muted small" aria-hidden="true">
          less <i className="l0" />
          <i className="l1" />
          <i className="l2" />
          <i className="l3" />
          <i className="l4" /> more
        </div>
      </section>

      <p className="muted small" style={{ margin: 0 }}>
        Your full review log, cards and attempts: <IntentLink href="/settings#your-data">download them from Settings</IntentLink>.
      </p>
    </main>
  );
}

function RetentionFigure({ window }: { window: RetentionWindow }) {
  return (
    <div className="stat-figure" data-days={window.days}>
      <strong>{window.rate === null ? "–" : `${Math.round(window.rate * 100)}%`}</strong>
      <span>{window.days === 365 ? "1 year" : `${window.days} days`}</span>
      <small>
        {window.rate === null ? `not enough reviews yet${window.reviews > 0 ? ` (${window.reviews})` : ""}` : `${window.passed}/${window.reviews} passed`}
      </small>
    </div>
  );
}
