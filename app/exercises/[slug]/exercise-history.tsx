"use client";
// The learner's history at this exercise: how often each step comes out
// right (attempts before a reveal), then each recent variant with where it
// stands and its attempts (each step right or not, the mistakes named), a
// pass after the reveal marked as such. Steps are numbered as in the prompt.
import type { ExerciseHistory, HistoryAttempt } from "@/lib/attempts/exercise-history";
import { variantLabel } from "@/lib/attempts/variant-rule";

export type HistoryView = Omit<ExerciseHistory, "variants"> & {
  variants: (Omit<ExerciseHistory["variants"][number], "attempts"> & { attempts: (Omit<HistoryAttempt, "createdAt"> & { createdAt: string })[] })[];
};

const percent = (x: number): string => `${Math.round(x * 100)}%`;

export function ExerciseHistoryView({ history }: { history: HistoryView }) {
  if (history.totals.attempts === 0) return null;
  const stepNumber = new Map(history.steps.map((s, i) => [s.step, i + 1]));
  const stepLabel = new Map(history.steps.map((s) => [s.step, s.label]));
  return (
    <section className="panel stack" data-testid="attempt-history">
      <h2 style={{ margin: 0, fontSize: 17 }}>Your history</h2>
      <p className="muted small" style={{ margin: 0 }}>
        {history.totals.attempts} attempt{history.totals.attempts === 1 ? "" : "s"}, {history.totals.credited} passed without seeing the answers.
      </p>
      <ul className="step-accuracy" data-testid="step-accuracy">
        {history.steps.map((s, i) => (
          <li key={s.step} data-step={s.step}>
            <span>
              {i + 1}. {s.label}
            </span>
            <span className="muted small">{s.accuracy === null ? "not tried" : `${percent(s.accuracy)} right (${s.right}/${s.tried})`}</span>
            <span className="bar" aria-hidden="true">
              <span style={{ width: percent(s.accuracy ?? 0) }} />
            </span>
          </li>
        ))}
      </ul>
      <ul className="variants">
        {history.variants.map((v) => (
          <li key={v.seed} data-testid="history-variant" data-seed={v.seed}>
            <div className="small">
              <strong>Variant {v.seed}</strong> · <span className="muted">{variantLabel(v.variant)}</span>
            </div>
            <ul className="attempts">
              {v.attempts.map((a) => (
                <li key={a.id} data-testid="history-attempt" data-after-reveal={a.afterReveal}>
                  <span className={a.credited ? "right" : a.correct ? "practice" : "wrong"}>{a.correct ? "✓" : percent(a.score)}</span>
                  <span className="muted small">{a.afterReveal ? "after the answers were shown · no credit" : a.credited ? "passed" : "try"}</span>
                  <span className="muted small" suppressHydrationWarning>
                    {new Date(a.createdAt).toLocaleDateString()}
                  </span>
                  {a.steps.length > 0 ? (
                    <span className="step-marks small" data-testid="attempt-steps">
                      {a.steps.map((m) => (
                        <span key={m.step} className={m.correct ? "right" : "wrong"} title={stepLabel.get(m.step)} data-step={m.step} data-correct={m.correct}>
                          {stepNumber.get(m.step)} {m.correct ? "✓" : "✗"}
                          <span className="visually-hidden"> {stepLabel.get(m.step)}</span>
                        </span>
                      ))}
                    </span>
                  ) : null}
                  {a.mistakes.length > 0 ? <span className="small">{a.mistakes.map((m) => m.name).join(" ")}</span> : null}
                </li>
              ))}
            </ul>
          </li>
        ))}
      </ul>
    </section>
  );
}
