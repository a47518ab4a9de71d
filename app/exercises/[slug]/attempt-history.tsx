"use client";

export type AttemptRow = { id: string; seed: number; score: number; correct: boolean; misconceptions: string[]; createdAt: string };

/** The learner's recent attempts at this exercise. */
export function AttemptHistory({ attempts }: { attempts: AttemptRow[] }) {
  if (attempts.length === 0) return null;
  return (
    <section className="panel stack" data-testid="attempt-history">
      <h2 style={{ margin: 0, fontSize: 17 }}>Your attempts</h2>
      <ul className="attempts">
        {attempts.map((a) => (
          <li key={a.id}>
            <span className={a.correct ? "right" : "wrong"}>{a.correct ? "✓" : `${Math.round(a.score * 100)}%`}</span>
            <span className="muted small">variant {a.seed}</span>
            <span className="small">{a.misconceptions.join(" ")}</span>
            <span className="muted small" suppressHydrationWarning>
              {new Date(a.createdAt).toLocaleDateString()}
            </span>
          </li>
        ))}
      </ul>
    </section>
  );
}
