"use client";
import type { QueueKind } from "@/lib/queue/queue-card";
import { retentionCounts, retentionSentence, trueRetention, type RetentionCounts } from "@/lib/stats/retention";

type Done = { rating: 1 | 2 | 3 | 4; durationMs: number; card: { queueKind: QueueKind } };

/** The review log's state before a review, as far as the session's own count of a card tells it. */
const STATE_BEFORE: Record<QueueKind, string> = { new: "NEW", learning: "LEARNING", review: "REVIEW" };

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
  today: { reviewed: number; retention: RetentionCounts; streak: number };
  /** Cards due today beyond the ones this session was handed. */
  moreDue: number;
  onUndo: () => void;
}) {
  const session = retentionCounts(done.map((d) => ({ stateBefore: STATE_BEFORE[d.card.queueKind], rating: d.rating })));
  const retention = trueRetention(1, today.retention.reviews + session.reviews, today.retention.passed + session.passed);
  const streak = today.reviewed > 0 ? today.streak : today.streak + 1;
  const minutes = Math.max(1, Math.round(elapsedMs / 60_000));
  return (
    <section className="panel stack summary" data-testid="summary">
      <h2 style={{ margin: 0 }}>Done for now</h2>
      <div className="counts two">
        <div className="count">
          <strong data-testid="summary-reviewed">{done.length}</strong>
          <span>reviewed</span>
        </div>
        <div className="count">
          <strong>{minutes}m</strong>
          <span>time</span>
        </div>
      </div>
      <p style={{ margin: 0 }} data-testid="summary-retention">
        Today: {retentionSentence(retention)}.
      </p>
      <p className="muted" style={{ margin: 0 }}>
        Streak: {streak} day{streak === 1 ? "" : "s"}
      </p>
      <div className="row">
        {moreDue > 0 ? (
          <a href="/review" className="button primary" data-testid="continue">
            Continue · {moreDue} more
          </a>
        ) : (
          <a href="/" className="button primary">
            Overview
          </a>
        )}
        <button type="button" className="button" onClick={onUndo}>
          Undo last
        </button>
      </div>
    </section>
  );
}
