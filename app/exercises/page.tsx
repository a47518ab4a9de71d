import { IntentLink } from "@/app/components/intent-link";
import { EXERCISES } from "@/exercises";
import { DRAWING_PROMPTS } from "@/exercises/drawings";
import { requireSessionUser } from "../session-user";
import { seededHref } from "../seeded-href";

export const dynamic = "force-dynamic";
export const metadata = { title: "Exercises · Residual" };

export default async function ExercisesPage() {
  await requireSessionUser();
  const topics = [...new Set(EXERCISES.map((e) => e.topic))];
  return (
    <main className="shell stack">
      <div className="topbar">
        <IntentLink href="/" className="brand">
          Residual
        </IntentLink>
        <nav className="nav">
          <IntentLink href="/progress">Progress</IntentLink>
        </nav>
      </div>
      <h1 style={{ margin: 0, fontSize: 22 }}>Exercises</h1>
      {topics.map((topic) => (
        <section key={topic} className="panel stack">
          <h2 style={{ margin: 0, fontSize: 17 }} className="muted">
            {topic}
          </h2>
          <ul className="exercise-list">
            {EXERCISES.filter((e) => e.topic === topic).map((e) => (
              <li key={e.slug}>
                <IntentLink href={seededHref(`/exercises/${e.slug}`)} className="exercise-link" data-testid={`exercise-link-${e.slug}`}>
                  <span>{e.title}</span>
                  <span className={`pill ${e.difficulty.toLowerCase()}`}>{e.difficulty.toLowerCase()}</span>
                </IntentLink>
              </li>
            ))}
          </ul>
        </section>
      ))}
      <section className="panel stack" data-testid="drawing-prompts">
        <h2 style={{ margin: 0, fontSize: 17 }} className="muted">
          Drawing prompts
        </h2>
        <p className="muted small" style={{ margin: 0 }}>
          Tap out a mask, wire up a block, or sketch from memory and check yourself.
        </p>
        <ul className="exercise-list">
          {DRAWING_PROMPTS.map((p) => (
            <li key={p.slug}>
              <IntentLink href={seededHref(`/drawings/${p.slug}`)} className="exercise-link" data-testid={`drawing-link-${p.slug}`}>
                <span>{p.title}</span>
                <span className={`pill ${p.difficulty.toLowerCase()}`}>{p.difficulty.toLowerCase()}</span>
              </IntentLink>
            </li>
          ))}
        </ul>
      </section>
    </main>
  );
}
