import Link from "next/link";
import { EXERCISES } from "@/exercises";
import { requireSessionUser } from "../session-user";

export const dynamic = "force-dynamic";
export const metadata = { title: "Exercises · Residual" };

export default async function ExercisesPage() {
  await requireSessionUser();
  const topics = [...new Set(EXERCISES.map((e) => e.topic))];
  return (
    <main className="shell stack">
      <div className="topbar">
        <Link href="/" className="brand">Residual</Link>
        <nav className="nav"><Link href="/progress">Progress</Link></nav>
      </div>
      <h1 style={{ margin: 0, fontSize: 22 }}>Exercises</h1>
      {topics.map((topic) => (
        <section key={topic} className="panel stack">
          <h2 style={{ margin: 0, fontSize: 17 }} className="muted">{topic}</h2>
          <ul className="exercise-list">
            {EXERCISES.filter((e) => e.topic === topic).map((e) => (
              <li key={e.slug}>
                <Link href={`/exercises/${e.slug}`} className="exercise-link">
                  <span>{e.title}</span>
                  <span className={`pill ${e.difficulty.toLowerCase()}`}>{e.difficulty.toLowerCase()}</span>
                </Link>
              </li>
            ))}
          </ul>
        </section>
      ))}
    </main>
  );
}
