import { IntentLink } from "@/app/components/intent-link";
import { formatStudyDay } from "@/lib/checklists/evidence-rule";
import type { ModuleReadiness } from "@/lib/readiness/module-readiness";
import { ACCURACY_TARGET } from "@/lib/readiness/next-step";
import { seededHref } from "../seeded-href";
import { misconceptionName } from "@/lib/grading/misconception-name";

const percent = (share: number) => `${Math.round(share * 100)}%`;

/** How each readiness level reads, on the module list and the module page. */
export const LEVEL_LABEL = { "not-started": "Not started", "in-progress": "In progress", ready: "Ready" } as const;

/** The readiness line: the level, the one thing to do next, and its button. */
export function NextStepPanel({ next }: { next: ModuleReadiness["next"] }) {
  return (
    <section className="panel stack next-step" data-testid="next-step">
      <p className={`level ${next.level}`}>{LEVEL_LABEL[next.level]}</p>
      <p>{next.headline}</p>
      {next.action && (
        <IntentLink href={seededHref(next.action.href)} className="button primary block">
          {next.action.label}
        </IntentLink>
      )}
    </section>
  );
}

/** Share of the latest attempts at the module's exercises that were right, over all of them together. */
function overallAccuracy(r: ModuleReadiness): { share: number | null; recent: number } {
  const recent = r.exercises.reduce((n, e) => n + e.recent, 0);
  const right = r.exercises.reduce((n, e) => n + Math.round((e.accuracy ?? 0) * e.recent), 0);
  return { share: recent ? right / recent : null, recent };
}

/** Checklist, recall and exercise figures side by side. */
export function Figures({ readiness: r }: { readiness: ModuleReadiness }) {
  const accuracy = overallAccuracy(r);
  const { checklist, retention } = r;
  return (
    <div className="stack" style={{ gap: 8 }}>
      <div className="figures" data-testid="figures">
        <div className="figure" data-testid="figure-checklist">
          <strong>
            {checklist.ticked}/{checklist.total}
          </strong>
          <span>checklist</span>
          <small>{checklist.ticked === checklist.total ? "all ticked" : `${checklist.total - checklist.ticked} to go`}</small>
        </div>
        <div className="figure" data-testid="figure-retention">
          <strong>{retention.retention === null ? "—" : percent(retention.retention)}</strong>
          <span>recall</span>
          <small>
            {retention.retention === null
              ? `not enough reviews yet (${retention.reviews} of ${retention.reviews + retention.needed})`
              : `${retention.reviews} reviews, ${retention.windowDays} days`}
          </small>
        </div>
        <div className="figure" data-testid="figure-accuracy">
          <strong>{accuracy.share === null ? "—" : percent(accuracy.share)}</strong>
          <span>exercises</span>
          <small>{accuracy.share === null ? "no attempts yet" : `last ${accuracy.recent} tries`}</small>
        </div>
      </div>
      <div className="meter" aria-hidden="true">
        <div style={{ width: `${checklist.total ? (checklist.ticked / checklist.total) * 100 : 0}%` }} />
      </div>
    </div>
  );
}

function accuracyClass(share: number): string {
  if (share < ACCURACY_TARGET) return "low";
  return share < 0.85 ? "mid" : "high";
}

/** Accuracy per exercise the module uses, with attempts and the last attempt's day. */
export function ExerciseAccuracy({ exercises }: { exercises: ModuleReadiness["exercises"] }) {
  return (
    <section className="panel stack" data-testid="exercise-accuracy">
      <h2 style={{ margin: 0, fontSize: 19 }}>Exercises</h2>
      <ul className="plain-list">
        {exercises.map((e) => (
          <li key={e.slug} data-testid={`accuracy-${e.slug}`}>
            <div className="line">
              {e.href ? <IntentLink href={seededHref(e.href)}>{e.title}</IntentLink> : <span>{e.title}</span>}
              {e.accuracy === null ? (
                <span className="muted small">not tried</span>
              ) : (
                <span className={`acc ${accuracyClass(e.accuracy)}`}>{percent(e.accuracy)}</span>
              )}
            </div>
            <span className="muted small">
              {e.attempts === 0
                ? e.href
                  ? "No attempts yet."
                  : "Not available here yet."
                : `${e.attempts} attempt${e.attempts === 1 ? "" : "s"}${e.recent < e.attempts ? ` (share of the last ${e.recent})` : ""} · last on ${formatStudyDay(e.lastAttemptDay ?? "")}`}
            </span>
          </li>
        ))}
      </ul>
    </section>
  );
}

/** Misconceptions not followed by a right answer at the same exercise, each with its fix and a way to practise. */
export function OpenMisconceptions({ items }: { items: ModuleReadiness["misconceptions"] }) {
  return (
    <section className="panel stack" data-testid="open-misconceptions">
      <h2 style={{ margin: 0, fontSize: 19 }}>Open mistakes</h2>
      {items.length === 0 ? (
        <p className="muted small" style={{ margin: 0 }}>
          None open. A mistake your answers matched stays here until you get that exercise right.
        </p>
      ) : (
        <ul className="plain-list">
          {items.map((m) => (
            <li key={`${m.exerciseSlug}:${m.code}`} data-testid={`open-${m.code}`}>
              <div className="line">
                <strong className="small">{misconceptionName(m.code, m.message)}</strong>
                <span className="muted small">
                  {m.count}× · last {formatStudyDay(m.lastSeenDay)}
                </span>
              </div>
              {m.message && m.message !== misconceptionName(m.code, m.message) && <span className="small">{m.message}</span>}
              {m.href ? (
                <IntentLink href={seededHref(m.href)} className="small">
                  Practise: {m.exerciseTitle} ›
                </IntentLink>
              ) : (
                <span className="muted small">{m.exerciseTitle}</span>
              )}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
