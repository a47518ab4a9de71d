import { IntentLink } from "@/app/components/intent-link";
import { countMisconceptions } from "@/lib/attempts/attempt-history";
import { db } from "@/lib/db/client";
import { exerciseEntry } from "@/lib/readiness/exercise-directory";
import { misconceptionName } from "@/lib/grading/misconception-name";
import { TopBar } from "@/app/components/top-bar";
import { requireSessionUser } from "../session-user";
import { seededHref } from "../seeded-href";
import { catalogue } from "@/exercises/catalogue";

export const dynamic = "force-dynamic";
export const metadata = { title: "Progress · Residual" };

export default async function ProgressPage() {
  const user = await requireSessionUser();
  const counts = await countMisconceptions(db(), user.id);
  return (
    <main className="shell stack">
      <TopBar
        links={[
          { href: "/stats", label: "Stats" },
          { href: "/exercises", label: "Exercises" },
        ]}
      />
      <section className="panel stack" data-testid="misconceptions">
        <h1 style={{ margin: 0, fontSize: 22 }}>Mistakes you have made</h1>
        {counts.length === 0 ? (
          <p className="muted" style={{ margin: 0 }}>
            No known mistakes yet. Graded exercises will show here which wrong methods your answers matched.
          </p>
        ) : (
          <ul className="exercise-list">
            {counts.map((c) => {
              // A slug no catalogue has any more keeps its old link and shows as stored.
              const entry = exerciseEntry(catalogue, c.exerciseSlug);
              return (
                <li key={`${c.exerciseSlug}:${c.code}`}>
                  <IntentLink href={seededHref(entry.href ?? `/exercises/${c.exerciseSlug}`)} className="exercise-link">
                    <span>
                      <span data-code={c.code}>{misconceptionName(c.code, entry.messages.get(c.code))}</span>
                      <br />
                      <span className="muted small">{entry.href ? entry.title : c.exerciseSlug}</span>
                    </span>
                    <strong>{c.count}×</strong>
                  </IntentLink>
                </li>
              );
            })}
          </ul>
        )}
      </section>
    </main>
  );
}
