import Link from "next/link";
import { findExercise } from "@/exercises";
import { findDrawingPrompt } from "@/exercises/drawings";
import { countMisconceptions } from "@/lib/attempts/attempt-history";
import { db } from "@/lib/db/client";
import { requireSessionUser } from "../session-user";

export const dynamic = "force-dynamic";
export const metadata = { title: "Progress · Residual" };

export default async function ProgressPage() {
  const user = await requireSessionUser();
  const counts = await countMisconceptions(db(), user.id);
  return (
    <main className="shell stack">
      <div className="topbar">
        <Link href="/" className="brand">Residual</Link>
        <nav className="nav"><Link href="/stats">Stats</Link><Link href="/exercises">Exercises</Link></nav>
      </div>
      <section className="panel stack" data-testid="misconceptions">
        <h1 style={{ margin: 0, fontSize: 22 }}>Mistakes you have made</h1>
        {counts.length === 0 ? (
          <p className="muted" style={{ margin: 0 }}>No known mistakes yet. Graded exercises will show here which wrong methods your answers matched.</p>
        ) : (
          <ul className="exercise-list">
            {counts.map((c) => (
              <li key={`${c.exerciseSlug}:${c.code}`}>
                <Link href={`/${findDrawingPrompt(c.exerciseSlug) ? "drawings" : "exercises"}/${c.exerciseSlug}`} className="exercise-link">
                  <span>
                    <span className="pill">{c.code}</span>
                    <br />
                    <span className="muted small">{findExercise(c.exerciseSlug)?.title ?? findDrawingPrompt(c.exerciseSlug)?.title ?? c.exerciseSlug}</span>
                  </span>
                  <strong>{c.count}×</strong>
                </Link>
              </li>
            ))}
          </ul>
        )}
      </section>
    </main>
  );
}
