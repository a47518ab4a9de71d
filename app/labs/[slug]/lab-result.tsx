"use client";
// A graded submission: the verdict, the error statistics against the
// tolerance, where it is worst, NaN/Infinity counts, a wrong shape explained,
// and the named bug when the output matches a known buggy variant.
import { useEffect, useRef } from "react";
import { allowanceWords } from "@/lib/labs/allowance-words";
import type { SubmissionView } from "@/lib/labs/submissions/submission-view";

/** Four significant digits; exponent form only for very large or very small magnitudes. */
function num(v: number | null): string {
  if (v === null) return "—";
  if (v === 0 || !Number.isFinite(v)) return String(v);
  return Math.abs(v) >= 1e4 || Math.abs(v) < 1e-3 ? v.toExponential(3) : String(Number(v.toPrecision(4)));
}

export function LabResult({ submission }: { submission: SubmissionView }) {
  const ref = useRef<HTMLElement>(null);
  // On a phone the verdict lands below the fold; bring it up once it arrives.
  // (Braces: newer browsers return a promise from scrollIntoView, which React would take for a cleanup.)
  // biome-ignore lint/correctness/useExhaustiveDependencies: submission.id is the trigger: scroll once per submission, not on every render.
  useEffect(() => {
    void ref.current?.scrollIntoView({ behavior: "smooth", block: "start" });
  }, [submission.id]);
  const result = submission.result;
  if (submission.status === "FAILED" || !result) {
    return (
      <section className="panel stack" data-testid="lab-result" ref={ref}>
        <p className="lab-verdict fail" style={{ margin: 0 }}>
          Not graded
        </p>
        <p className="small" style={{ margin: 0 }}>
          {submission.error ?? "Grading did not finish."}
        </p>
      </section>
    );
  }
  const { nonFinite, toleranceUsed: used } = result;
  return (
    <section className="panel stack" data-testid="lab-result" ref={ref}>
      <p className={`lab-verdict ${result.passed ? "pass" : "fail"}`} data-testid="lab-verdict">
        {result.passed ? "✓ Passed" : "✗ Not yet"}
      </p>
      <p className="small" style={{ margin: 0 }}>
        {result.summary}
      </p>
      {result.diagnosis && (
        <div className="lab-diagnosis" data-testid="lab-diagnosis" data-code={result.diagnosis.code}>
          <h3>{result.diagnosis.title}</h3>
          <p>{result.diagnosis.message}</p>
          {result.diagnosis.alsoPossible && (
            <p className="muted small" data-testid="lab-also-possible">
              Also possible: {result.diagnosis.alsoPossible.title}.
            </p>
          )}
        </div>
      )}
      {result.shapeMessage && (
        <p className="notice" style={{ margin: 0 }} data-testid="lab-shape">
          {result.shapeMessage}
        </p>
      )}
      <dl className="lab-stats">
        <div>
          <dt>Max abs error</dt>
          <dd>{num(result.maxAbsError)}</dd>
        </div>
        <div>
          <dt>Max rel error</dt>
          <dd>{num(result.maxRelError)}</dd>
        </div>
        <div>
          <dt>Tolerance</dt>
          <dd>
            atol {result.tolerance.abs} · rtol {result.tolerance.rel}
          </dd>
        </div>
        {used && used.worstRatio !== null && (
          <div data-testid="lab-allowance">
            <dt>Worst element</dt>
            <dd>
              {allowanceWords(used.worstRatio)}
              {used.worstAt ? ` at [${used.worstAt.join(", ")}]` : ""}
            </dd>
          </div>
        )}
        <div>
          <dt>Outside</dt>
          <dd>
            {result.mismatched} / {result.size}
          </dd>
        </div>
        <div>
          <dt>Shape</dt>
          <dd>
            [{result.actualShape.join(", ")}]{result.actualShape.join() === result.expectedShape.join() ? "" : ` ≠ [${result.expectedShape.join(", ")}]`}
          </dd>
        </div>
        <div>
          <dt>NaN / +Inf / −Inf</dt>
          <dd>
            {nonFinite.nan} / {nonFinite.posInf} / {nonFinite.negInf}
          </dd>
        </div>
      </dl>
      {used && (
        <p className="muted small" style={{ margin: 0 }} data-testid="lab-rule">
          The verdict is <code>{used.rule}</code>: each element may differ by atol + rtol·|expected|, so where the expected value is near zero, atol carries it
          and the relative error can exceed rtol on a pass.
        </p>
      )}
      {nonFinite.first.length > 0 && (
        <p className="small" style={{ margin: 0 }}>
          First non-finite at {nonFinite.first.map((p) => `[${p.join(", ")}]`).join(", ")}
        </p>
      )}
      {result.worst.length > 0 && !result.passed && (
        <div className="lab-worst">
          <table data-testid="lab-worst">
            <thead>
              <tr>
                <th>Index</th>
                <th>Expected</th>
                <th>Yours</th>
                <th>|Δ|</th>
              </tr>
            </thead>
            <tbody>
              {result.worst.map((w) => (
                <tr key={w.index.join(",")}>
                  <td>[{w.index.join(", ")}]</td>
                  <td>{num(w.expected)}</td>
                  <td>{num(w.actual)}</td>
                  <td>{num(w.absError)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <p className="muted small" style={{ margin: 0 }}>
        Graded on {result.backend} in {result.gradingMs.toFixed(0)} ms · {submission.format} upload ·{" "}
        <span data-testid="lab-upload-number">attempt {submission.upload}</span> on seed {submission.seed}
      </p>
    </section>
  );
}
