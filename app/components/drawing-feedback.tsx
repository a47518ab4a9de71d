"use client";
// The verdict on a drawing: passed or the share right, the named mistake,
// the first wrong thing in words, and for a block every connection checked.
import type { DrawingAttemptResult } from "@/lib/drawing/record-drawing-attempt";
import type { DrawingKind } from "@/lib/drawing/drawing-prompt";

export function DrawingFeedback({ result, kind }: { result: DrawingAttemptResult; kind: DrawingKind }) {
  return (
    <div className="stack drawing-feedback" data-testid="drawing-result" data-correct={result.correct}>
      <p className={`verdict ${result.correct ? "right" : "wrong"}`} data-testid="verdict">
        {result.correct ? "Passed." : `Score ${Math.round(result.score * 100)}%`}
      </p>
      {result.afterReveal ? (
        <p className="muted small" data-testid="after-reveal" style={{ margin: 0 }}>
          Made after this variant's answer was shown: stored, but it earns no credit. A new variant does.
        </p>
      ) : null}
      {result.misconceptions.map((m) => (
        <div key={m.code} className="feedback wrong" data-testid="misconception" data-code={m.code}>
          {m.message}
        </div>
      ))}
      <p className={`feedback ${result.correct ? "right" : "wrong"}`} data-testid="drawing-feedback" style={{ margin: 0 }}>
        {result.feedback}
      </p>
      {kind === "assembly" ? (
        <ul className="wire-list" data-testid="wire-list">
          {result.items.map((item) => (
            <li key={item.key} className={item.correct ? "right" : "wrong"}>
              <span aria-hidden>{item.correct ? "✓" : "✗"}</span> {item.label}
              {item.problem === "extra" ? <span className="muted small"> (not in the block)</span> : null}
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}
