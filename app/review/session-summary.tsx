"use client";
import Link from "next/link";

type Done = { rating: 1 | 2 | 3 | 4; durationMs: number };

/** End of a session: what was done, today's retention, time and streak. */
export function SessionSummary({
  done,
  elapsedMs,
  today,
  moreDue,
  onUndo,
}: {
  done: Done[];
  elapsedMs: number;
  today: { reviewed: number; passed: number; streak: number };
  /** Cards due today beyond the ones this session was handed. */
  moreDue: number;
  onUndo: () => void;
}) {
  const passed = done.filter((d) => d.rating > 1).length;
  const reviewedToday = today.reviewed + done.length;
  const retention = reviewedToday === 0 ? 0 : (today.passed + passed) / reviewedToday;
  const streak = today.reviewed > 0 ? today.streak : today.streak + 1;
  const minutes = Math.max(1, Math.round(elapsedMs / 60_000));
  return (
    <section className="panel stack summary" data-testid="summary">
      <h2 style={{ margin: 0 }}>Done for now</h2>
      <div className="counts">
        <div className="count">
          <strong data-testid="summary-reviewed">{done.length}</strong>
          <span>reviewed</span>
        </div>
        <div className="count">
          <strong>{Math.round(retention * 100)}%</strong>
          <span>retention today</span>
        </div>
        <div className="count">
          <strong>{minutes}m</strong>
          <span>time</span>
        </div>
      </div>
      <p className="muted" style={{ margin: 0 }}>
        Streak: {streak} day{streak === 1 ? "" : "s"}
      </p>
      <div className="row">
        {moreDue > 0 ? (
          <a href="/review" className="button primary" data-testid="continue">
            Continue · {moreDue} more
          </a>
        ) : (
          <Link href="/" className="button primary">
            Overview
          </Link>
        )}
        <button type="button" className="button" onClick={onUndo}>
          Undo last
        </button>
      </div>
    </section>
  );
}
