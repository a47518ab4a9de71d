"use client";
// The end of a grill: the score, time per question, the weakest topics, and
// each question's verdict. Failed questions are already back in today's queue.
import { IntentLink } from "@/app/components/intent-link";
import type { GrillItemView, GrillView } from "@/lib/grills/grill-view";
import { RenderedHtml } from "@/app/components/rendered-html";

const VERDICT = {
  passed: { label: "passed", className: "right" },
  failed: { label: "missed", className: "wrong" },
  "out-of-time": { label: "out of time", className: "wrong" },
  unanswered: { label: "not reached", className: "" },
} as const;

/** Seconds, with a decimal under ten so quick answers do not read as 0 s. */
const seconds = (ms: number | null) => (ms === null ? "—" : ms < 10_000 ? `${(ms / 1000).toFixed(1)} s` : `${Math.round(ms / 1000)} s`);

export function GrillSummaryView({ grill }: { grill: GrillView }) {
  const summary = grill.summary;
  if (!summary) return null;
  return (
    <div className="grill stack" data-testid="grill-summary">
      <div className="grill-top">
        <IntentLink href="/grill" className="grill-back" aria-label="Back to grill setup">
          ‹
        </IntentLink>
        <span className="muted small">{grill.moduleTitle}</span>
      </div>
      <section className="panel stack">
        <div className="grill-score">
          <strong data-testid="grill-score">{Math.round(summary.score * 100)}%</strong>
          <span className="muted small">
            {summary.answered} of {summary.total} answered · {seconds(summary.meanTimeMs)} per question
          </span>
        </div>
        {summary.weakestTopics.length > 0 ? (
          <div data-testid="weakest-topics">
            <h2 className="grill-h2">Weakest topics</h2>
            <ol className="grill-topics">
              {summary.weakestTopics.map((t) => (
                <li key={t.topic}>
                  <span>{t.topic}</span>
                  <span className="muted">
                    {Math.round(t.mean * 100)}% · {t.count}
                  </span>
                </li>
              ))}
            </ol>
          </div>
        ) : (
          <p className="muted small" style={{ margin: 0 }}>
            No weak topic this time.
          </p>
        )}
        {summary.requeued > 0 ? (
          <IntentLink href="/review" className="button primary block" data-testid="review-requeued">
            Review {summary.requeued} missed now
          </IntentLink>
        ) : null}
        <IntentLink href="/grill" className="button block">
          New grill
        </IntentLink>
      </section>
      <section className="panel stack">
        <h2 className="grill-h2">Questions</h2>
        <ol className="grill-verdicts">
          {grill.items.map((item) => (
            <VerdictRow key={item.position} item={item} />
          ))}
        </ol>
      </section>
    </div>
  );
}

function VerdictRow({ item }: { item: GrillItemView }) {
  const verdict = item.verdict ? VERDICT[item.verdict] : VERDICT.unanswered;
  return (
    <li data-testid="verdict-row" data-verdict={item.verdict ?? "unanswered"}>
      <details>
        <summary>
          <span className={`grill-verdict ${verdict.className}`}>{verdict.label}</span>
          <span className="muted small">
            {item.topic} · {item.score === null ? "—" : `${Math.round(item.score * 100)}%`} · {seconds(item.timeMs)}
          </span>
          <RenderedHtml as="span" className="grill-question" html={item.promptHtml} />
          {item.requeued && <span className="pill new">back in today&apos;s review</span>}
        </summary>
        {item.reveal && (
          <div className="grill-strong">
            <strong>Strong answer</strong>
            <RenderedHtml html={item.reveal.strongAnswerHtml} />
          </div>
        )}
        {item.grade && (
          <ul className="small">
            {item.grade.steps.map((s) => (
              <li key={s.step}>
                {s.correct ? "✓" : "✗"} {s.feedback}
              </li>
            ))}
          </ul>
        )}
      </details>
    </li>
  );
}
