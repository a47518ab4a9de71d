"use client";
// One drawing variant on its own page: prompt, the drawing UI, feedback, a
// fresh try or a new variant, and the learner's recent attempts. A graded
// drawing shows its answer, so the variant is then finished: drawing it again
// is practice (stored and marked, no credit) and a new variant earns credit.
import { useRouter } from "next/navigation";
import { useState } from "react";
import type { AttemptSummary } from "@/lib/attempts/attempt-history";
import type { DrawingView } from "@/lib/drawing/drawing-view";
import { DrawingWorkspace } from "@/app/components/drawing-workspace";
import { RenderedHtml } from "@/app/components/rendered-html";

/** An attempt as the server page hands it over (the instant as ISO text). */
export type DrawingAttemptRow = Omit<AttemptSummary, "createdAt"> & { createdAt: string };

type Props = {
  view: DrawingView;
  /** This variant's answer has been shown (an earlier graded try): attempts here earn no credit. */
  revealed: boolean;
  attempts: DrawingAttemptRow[];
  /** The same prompt at a fresh seed. */
  newVariantHref: string;
};

export function DrawingPageClient({ view, revealed, attempts, newVariantHref }: Props) {
  const router = useRouter();
  const [round, setRound] = useState(0);
  const [graded, setGraded] = useState(false);
  return (
    <>
      <section className="panel stack">
        <h1 style={{ margin: 0, fontSize: 21 }}>{view.title}</h1>
        <RenderedHtml className="prompt" html={view.promptHtml} />
        {view.setup.kind === "mask-grid" ? (
          <p className="muted small" style={{ margin: 0 }}>
            Variant {view.seed}
          </p>
        ) : null}
      </section>
      {revealed && !graded ? (
        <p className="notice small" data-testid="variant-finished" style={{ margin: 0 }}>
          You have seen this variant's answer, so drawing it again is practice: stored, but no credit. <a href={newVariantHref}>A new variant</a> counts.
        </p>
      ) : null}
      <section className="panel">
        <DrawingWorkspace
          key={round}
          view={view}
          onGraded={() => {
            setGraded(true);
            router.refresh();
          }}
        />
      </section>
      {graded ? (
        <div className="row">
          <button
            type="button"
            className="button"
            style={{ flex: 1 }}
            onClick={() => {
              setRound((r) => r + 1);
              setGraded(false);
            }}
            data-testid="try-again"
          >
            Practise again
          </button>
          <a
            className="button primary"
            style={{ flex: 1, display: "grid", placeItems: "center", textDecoration: "none" }}
            href={newVariantHref}
            data-testid="new-variant"
          >
            New variant
          </a>
        </div>
      ) : null}
      {attempts.length > 0 ? (
        <section className="panel stack" data-testid="drawing-history">
          <h2 style={{ margin: 0, fontSize: 17 }}>Your attempts</h2>
          <ul className="drawing-history">
            {attempts.map((a) => (
              <li key={a.id} data-testid="drawing-attempt" data-after-reveal={a.afterReveal}>
                <span className={a.correct ? "right" : "wrong"} style={{ color: a.correct ? "var(--good)" : "var(--danger)" }}>
                  {a.correct ? "✓" : `${Math.round(a.score * 100)}%`}
                </span>
                <span className="muted small">
                  variant {a.seed}
                  {a.afterReveal ? " · after the answer was shown, no credit" : ""}
                </span>
                <span className="muted small" suppressHydrationWarning>
                  {new Date(a.createdAt).toLocaleDateString()}
                </span>
                {a.misconceptions.length ? (
                  <span className="small" style={{ gridColumn: "1 / -1" }}>
                    {a.misconceptions.join(" ")}
                  </span>
                ) : null}
              </li>
            ))}
          </ul>
        </section>
      ) : null}
    </>
  );
}
