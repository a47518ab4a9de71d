import { IntentLink } from "@/app/components/intent-link";
import type { GrillHistoryEntry } from "@/lib/grills/grill-history";

/** Past grills, newest first, dated in the learner's time zone; each opens its summary (or carries on, if unfinished). */
export function GrillHistory({ grills, timeZone }: { grills: GrillHistoryEntry[]; timeZone: string }) {
  const date = new Intl.DateTimeFormat("en-GB", { day: "numeric", month: "short", hour: "2-digit", minute: "2-digit", timeZone });
  return (
    <section className="panel stack" data-testid="grill-history">
      <h2 style={{ margin: 0, fontSize: 18 }}>Past grills</h2>
      {grills.length === 0 ? (
        <p className="muted small" style={{ margin: 0 }}>
          Your finished grills will show here.
        </p>
      ) : (
        <ul className="exercise-list">
          {grills.map((g) => (
            <li key={g.id}>
              <IntentLink href={`/grill/${g.id}`} className="exercise-link grill-history-row" data-testid="grill-history-row">
                <span>
                  {date.format(new Date(g.startedAt))}
                  <br />
                  <span className="muted small">
                    {g.length} questions · {g.difficulty ? g.difficulty.toLowerCase() : "any difficulty"} · {g.secondsPerItem}s each
                  </span>
                </span>
                <strong>{g.score === null ? <span className="pill">unfinished</span> : `${Math.round(g.score * 100)}%`}</strong>
              </IntentLink>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
