"use client";
import { useState } from "react";
import type { OptimizerStatus } from "@/lib/optimizer/optimize-weights";
import { RescheduleOffer } from "@/app/components/reschedule-offer";

type Props = { initial: OptimizerStatus; timeZone: string };

/** "YYYY-MM-DD" in the user's zone: the same text on the server and in the browser. */
function formatDay(iso: string, timeZone: string): string {
  return new Intl.DateTimeFormat("en-CA", { timeZone, year: "numeric", month: "2-digit", day: "2-digit" }).format(new Date(iso));
}

/** Personal FSRS parameters: fit them from the review log, or go back to the defaults. */
export function PersonalParameters({ initial, timeZone }: Props) {
  const [status, setStatus] = useState(initial);
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  // A new offer each time the weights in use change (new ones adopted, or back to the defaults).
  const [offers, setOffers] = useState(0);
  const missing = status.minimumReviews - status.reviewCount;

  async function send(method: "POST" | "DELETE") {
    setBusy(true);
    setMessage(null);
    setError(null);
    // A client-made id: a retry after a lost answer returns the same run instead of fitting again.
    const url = method === "POST" ? `/api/settings/optimize?id=${crypto.randomUUID()}` : "/api/settings/optimize";
    const response = await fetch(url, { method }).catch(() => null);
    const body = (await response?.json().catch(() => null)) as (OptimizerStatus & { error?: { message: string } }) | null;
    setBusy(false);
    if (!response) return setError("No connection. Try again when you are online.");
    if (!response.ok || !body || body.error) return setError(body?.error?.message ?? "Could not do that. Try again.");
    const changed = method === "POST" ? body.lastRun?.adopted === true : status.personal;
    setStatus(body);
    setMessage(method === "POST" ? null : "Back to the FSRS defaults.");
    if (changed) setOffers((n) => n + 1);
  }

  return (
    <section className="panel stack" data-testid="personal-parameters">
      <h2 style={{ margin: 0, fontSize: 20 }}>Personal FSRS parameters</h2>
      <p className="muted small" style={{ margin: 0 }}>
        FSRS starts with parameters fitted to many learners. Fitting them to your own reviews makes the gaps match how fast you forget.
      </p>
      <p className="small" style={{ margin: 0 }} data-testid="optimizer-status">
        Your review log has {status.reviewCount} reviews.{" "}
        {status.personal && status.fittedAt
          ? `Using personal parameters fitted on ${formatDay(status.fittedAt, timeZone)} from ${status.fittedReviewCount ?? 0} reviews.`
          : "Using the FSRS defaults."}
      </p>
      {status.lastRun && (
        <div className="stack" style={{ gap: 4 }} data-testid="optimizer-last-run">
          <p className="small" style={{ margin: 0 }} role="status">
            {status.lastRun.verdict}
          </p>
          <p className="muted small" style={{ margin: 0 }}>
            Last optimised {formatDay(status.lastRun.ranAt, timeZone)} from {status.lastRun.reviewCount} reviews. Measured on your later reviews with parameters
            fitted only on the reviews before them; lower is better.
          </p>
        </div>
      )}
      {status.suggestion && (
        <p className="small" style={{ margin: 0 }} data-testid="optimizer-suggestion">
          {status.suggestion}
        </p>
      )}
      <button
        className="button primary block"
        type="button"
        disabled={busy || missing > 0}
        aria-describedby={missing > 0 ? "optimize-why" : undefined}
        onClick={() => send("POST")}
        data-testid="optimize-weights"
      >
        {busy ? "Working…" : "Optimise from my reviews"}
      </button>
      {missing > 0 && (
        <p id="optimize-why" className="muted small" style={{ margin: 0 }}>
          Needs at least {status.minimumReviews} reviews: {missing} more to go.
        </p>
      )}
      <button className="button block" type="button" disabled={busy || !status.personal} onClick={() => send("DELETE")} data-testid="reset-weights">
        Back to defaults
      </button>
      {error && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
      {message && (
        <p className="muted" role="status">
          {message}
        </p>
      )}
      {offers > 0 && <RescheduleOffer key={offers} reason="WEIGHTS" />}
    </section>
  );
}
