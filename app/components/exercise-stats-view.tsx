// An exercise's or drawing prompt's figures across learners, anonymised: the
// cohort rule's message while too few have tried, then the headline figures,
// the hardest step, accuracy per step and the mistakes named most often.
import type { ExerciseStats } from "@/lib/attempts/exercise-stats";
import "@/app/exercises/[slug]/exercise.css";
import "@/app/stats/stats.css";

const percent = (x: number): string => `${Math.round(x * 100)}%`;
const plural = (n: number, one: string, many = `${one}s`): string => `${n} ${n === 1 ? one : many}`;

export function ExerciseStatsView({ stats }: { stats: ExerciseStats }) {
  const figures = stats.figures;
  return (
    <section className="panel stack" data-testid="exercise-stats" data-shown={stats.shown}>
      <h1 style={{ margin: 0, fontSize: 21 }}>{stats.title}</h1>
      <p className="muted small" style={{ margin: 0 }}>
        Across every learner, anonymised: no one is named, and nothing is shown until {stats.minimumLearners} learners have tried it.
      </p>
      {!figures ? (
        <p className="notice" data-testid="cohort-too-small" style={{ margin: 0 }}>
          {stats.message}
        </p>
      ) : (
        <>
          <div className="stat-figures">
            <div className="stat-figure" data-testid="stat-learners">
              <strong>{figures.learners}</strong>
              <span>learners</span>
            </div>
            <div className="stat-figure" data-testid="stat-attempts">
              <strong>{figures.attempts}</strong>
              <span>attempts</span>
              <small>{figures.afterReveal} after the answers</small>
            </div>
            <div className="stat-figure" data-testid="stat-first-try">
              <strong>{figures.firstTry.accuracy === null ? "–" : percent(figures.firstTry.accuracy)}</strong>
              <span>first try</span>
              <small>
                {figures.firstTry.passed} of {plural(figures.firstTry.variants, "variant")}
              </small>
            </div>
          </div>
          {figures.hardestStep ? (
            <p style={{ margin: 0 }} data-testid="hardest-step">
              Hardest {stats.kind === "exercise" ? "step" : "item"}: <strong>{figures.hardestStep.label}</strong>, {percent(figures.hardestStep.accuracy ?? 0)}{" "}
              right ({figures.hardestStep.right}/{figures.hardestStep.tried}).
            </p>
          ) : null}
          <h2 style={{ margin: 0, fontSize: 17 }}>{stats.kind === "exercise" ? "Accuracy per step" : "Hardest items"}</h2>
          <p className="muted small" style={{ margin: 0 }}>
            Attempts made before the answers were shown.
          </p>
          <ul className="step-accuracy" data-testid="stats-steps">
            {figures.steps.map((s) => (
              <li key={s.step} data-step={s.step}>
                <span>{s.label}</span>
                <span className="muted small">{s.accuracy === null ? "not tried" : `${percent(s.accuracy)} (${s.right}/${s.tried})`}</span>
                <span className="bar" aria-hidden="true">
                  <span style={{ width: percent(s.accuracy ?? 0) }} />
                </span>
              </li>
            ))}
          </ul>
          <h2 style={{ margin: 0, fontSize: 17 }}>Mistakes named most often</h2>
          {figures.mistakes.length === 0 ? (
            <p className="muted small" style={{ margin: 0 }}>
              No named mistake yet.
            </p>
          ) : (
            <ol className="stats-mistakes" data-testid="stats-mistakes" style={{ margin: 0, paddingLeft: 22, display: "grid", gap: 8 }}>
              {figures.mistakes.map((m) => (
                <li key={m.code} data-code={m.code}>
                  {m.name}{" "}
                  <span className="muted small">
                    {plural(m.attempts, "attempt")}, {plural(m.learners, "learner")}
                  </span>
                </li>
              ))}
            </ol>
          )}
        </>
      )}
    </section>
  );
}
