import { IntentLink } from "@/app/components/intent-link";
import { db } from "@/lib/db/client";
import { labCatalogue, type LabCatalogueEntry } from "@/lib/labs/submissions/lab-catalogue";
import { requireSessionUser } from "../session-user";
import { seededHref } from "../seeded-href";
import "./labs.css";
import { catalogue } from "@/exercises/catalogue";

export const dynamic = "force-dynamic";
export const metadata = { title: "Labs · Residual" };

export default async function LabsPage() {
  const user = await requireSessionUser();
  const labs = await labCatalogue(db(), catalogue, user.id);
  const topics = [...new Set(labs.map((l) => l.topic))];
  return (
    <main className="shell stack">
      <div className="topbar">
        <IntentLink href="/" className="brand">
          Residual
        </IntentLink>
        <nav className="nav">
          <IntentLink href="/exercises">Exercises</IntentLink>
          <IntentLink href="/progress">Progress</IntentLink>
        </nav>
      </div>
      <h1 style={{ margin: 0, fontSize: 22 }}>Labs</h1>
      <p className="muted small" style={{ margin: 0 }}>
        Implement a piece of a transformer in NumPy (or anything), run it on the inputs you download, and upload the output. The grader compares it with a
        reference and names the bug when it recognises one.
      </p>
      {topics.map((topic) => (
        <section key={topic} className="panel stack">
          <h2 style={{ margin: 0, fontSize: 17 }} className="muted">
            {topic}
          </h2>
          <ul className="lab-list" data-testid="lab-list">
            {labs
              .filter((l) => l.topic === topic)
              .map((lab) => (
                <li key={lab.slug}>
                  <IntentLink href={seededHref(`/labs/${lab.slug}`)} className="lab-link" data-testid={`lab-${lab.slug}`}>
                    <span className="lab-title">
                      <strong>{lab.title}</strong>
                      <span className={`pill ${lab.difficulty.toLowerCase()}`}>{lab.difficulty.toLowerCase()}</span>
                    </span>
                    <span className="muted small">{lab.summary}</span>
                    <LastResult last={lab.last} />
                  </IntentLink>
                </li>
              ))}
          </ul>
        </section>
      ))}
    </main>
  );
}

function LastResult({ last }: { last: LabCatalogueEntry["last"] }) {
  if (!last) return <span className="small muted">Not tried yet</span>;
  if (last.status === "DONE") {
    return <span className={`small ${last.passed ? "lab-pass" : "lab-fail"}`}>{last.passed ? "✓ Last upload passed" : "✗ Last upload failed"}</span>;
  }
  if (last.status === "FAILED") return <span className="small lab-fail">Last upload could not be graded</span>;
  return <span className="small muted">Last upload is being graded…</span>;
}
