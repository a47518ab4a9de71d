"use client";
import { IntentLink } from "@/app/components/intent-link";
import { useState } from "react";
import type { WorkloadForecast } from "@/lib/simulator/forecast-workload";
import { WorkloadChart } from "./workload-chart";

const percent = (x: number) => `${Math.round(x * 100)}%`;

/**
 * Choose a desired retention and see what a year of study would cost at it:
 * reviews and minutes per day and cards known, simulated on the server with
 * your cards, your parameters and your answer times; and the minimum
 * recommended retention.
 */
export function WorkloadSimulator({ initialRetention }: { initialRetention: number }) {
  const [retention, setRetention] = useState(Math.round(initialRetention * 100) / 100);
  const [forecast, setForecast] = useState<WorkloadForecast | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function simulate(at: number) {
    setRetention(at);
    setBusy(true);
    setError(null);
    const response = await fetch(`/api/stats/simulation?retention=${at.toFixed(2)}`).catch(() => null);
    const body = (await response?.json().catch(() => null)) as (WorkloadForecast & { error?: { message: string } }) | null;
    setBusy(false);
    if (!response) return setError("No connection. Try again when you are online.");
    if (!response.ok || !body || body.error) return setError(body?.error?.message ?? "Could not simulate. Try again.");
    setForecast(body);
  }

  const shown = forecast && forecast.desiredRetention === retention ? forecast : null;
  return (
    <section className="panel stack stats-panel" data-testid="simulator">
      <h2>What a retention costs</h2>
      <p className="muted small">
        A year of study simulated on your own cards, with your parameters, new cards per day, ratings and answer times. Higher retention means more reviews.
      </p>
      <div className="simulator-controls">
        <label htmlFor="sim-retention">Desired retention</label>
        <output htmlFor="sim-retention" data-testid="sim-retention-value">
          {percent(retention)}
        </output>
        <input
          id="sim-retention"
          type="range"
          min={0.7}
          max={0.99}
          step={0.01}
          value={retention}
          onChange={(event) => setRetention(Number(event.target.value))}
          style={{ gridColumn: "1 / -1" }}
          data-testid="sim-retention"
        />
        <button className="button primary" type="button" disabled={busy} onClick={() => simulate(retention)} data-testid="simulate">
          {busy ? "Simulating a year…" : `Simulate at ${percent(retention)}`}
        </button>
      </div>
      {error && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
      {shown && <ForecastView forecast={shown} onTry={simulate} busy={busy} />}
    </section>
  );
}

function ForecastView({ forecast, onTry, busy }: { forecast: WorkloadForecast; onTry: (retention: number) => void; busy: boolean }) {
  const { totals, recommended, answerSeconds } = forecast;
  const bestCost = recommended.sweep.find((p) => p.retention === recommended.retention)?.secondsPerCardKnown;
  return (
    <div className="stack" data-testid="simulation-result" role="status">
      <div className="stat-figures">
        <div className="stat-figure">
          <strong data-testid="sim-reviews-per-day">{Math.round(totals.reviewsPerDay)}</strong>
          <span>reviews/day</span>
          <small>{totals.reviews.toLocaleString("en")} in a year</small>
        </div>
        <div className="stat-figure">
          <strong data-testid="sim-minutes-per-day">{totals.minutesPerDay.toFixed(0)}</strong>
          <span>min/day</span>
          <small>{Math.round(totals.minutes / 60).toLocaleString("en")} h in a year</small>
        </div>
        <div className="stat-figure">
          <strong data-testid="sim-knowledge">{totals.knowledgeEnd.toLocaleString("en")}</strong>
          <span>known</span>
          <small>cards recalled in a year</small>
        </div>
      </div>
      <WorkloadChart days={forecast.days} />
      <p className="small" data-testid="sim-recommended">
        Minimum recommended retention: <strong>{percent(recommended.retention)}</strong>
        {bestCost !== undefined ? ` (${bestCost.toFixed(0)} s of study per card known)` : ""}. Below it, forgetting costs more relearning than the longer gaps
        save.
      </p>
      {recommended.retention !== forecast.desiredRetention && (
        <button className="button" type="button" disabled={busy} onClick={() => onTry(recommended.retention)} data-testid="sim-try-recommended">
          Simulate at {percent(recommended.retention)}
        </button>
      )}
      <ul className="sweep muted small" aria-label="Seconds of study per card known, by retention">
        {recommended.sweep.map((p) => (
          <li key={p.retention} className={p.retention === recommended.retention ? "best" : undefined}>
            {percent(p.retention)}: {Number.isFinite(p.secondsPerCardKnown) ? `${p.secondsPerCardKnown.toFixed(0)} s` : "–"}
          </li>
        ))}
      </ul>
      <p className="muted small">
        {forecast.cards.seen.toLocaleString("en")} cards in review and {forecast.cards.unseen.toLocaleString("en")} new at {forecast.cards.newCardsPerDay} a
        day. Answer times {answerSeconds.fromYourReviews ? "from your reviews" : "assumed (too few timed reviews yet)"}: new{" "}
        {answerSeconds.firstSight.toFixed(0)} s, recalled {answerSeconds.recalled.toFixed(0)} s, forgotten {answerSeconds.forgotten.toFixed(0)} s. Ratings{" "}
        {forecast.ratingsFromYourReviews ? "as you rate" : "as a typical learner rates"}. The recommendation is simulated on{" "}
        {recommended.sampleCards.toLocaleString("en")} of your cards. Change your retention in <IntentLink href="/settings">Settings</IntentLink>.
      </p>
    </div>
  );
}
