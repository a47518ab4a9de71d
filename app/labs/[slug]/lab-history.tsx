"use client";
// The learner's recent submissions at this lab, newest first.
import type { SubmissionView } from "@/lib/labs/submissions/submission-view";

function mark(s: SubmissionView): { text: string; className: string } {
  if (s.status === "DONE") return s.passed ? { text: "✓", className: "lab-pass" } : { text: "✗", className: "lab-fail" };
  if (s.status === "FAILED") return { text: "!", className: "lab-fail" };
  return { text: "…", className: "muted" };
}

export function LabHistory({ submissions }: { submissions: SubmissionView[] }) {
  if (submissions.length === 0) return null;
  return (
    <section className="panel stack" data-testid="lab-history">
      <h2 style={{ margin: 0, fontSize: 17 }}>Your submissions</h2>
      <ul className="lab-history">
        {submissions.map((s) => {
          const m = mark(s);
          return (
            <li key={s.id}>
              <span className={m.className}>{m.text}</span>
              <span className="small">
                seed {s.seed} · {s.format} · [{s.shape.join(", ")}]
              </span>
              <span className="muted small" suppressHydrationWarning>
                {new Date(s.createdAt).toLocaleString()}
              </span>
              <span className="small muted">
                {s.result?.diagnosis?.title ?? s.result?.shapeMessage ?? (s.status === "FAILED" ? s.error : s.status === "DONE" ? "" : "being graded")}
              </span>
            </li>
          );
        })}
      </ul>
    </section>
  );
}
