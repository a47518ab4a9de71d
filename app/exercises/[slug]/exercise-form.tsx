"use client";
// One exercise variant: the prompt in the learner's numbers and an answer box
// per step. A check says which steps are right (and names a known mistake)
// but not the values, for a few tries; the answers are shown when asked for,
// when the tries run out or once every step is right. A variant whose answers
// were shown is finished: it can still be practised, but credit takes a new
// variant.
import { useRouter } from "next/navigation";
import { useRef, useState } from "react";
import type { VariantView } from "@/lib/grading/exercise-view";
import type { GradeAttemptResult, VariantReport } from "@/lib/attempts/grade-attempt";
import type { VariantProgress } from "@/lib/attempts/reveal-variant";
import { variantLabel } from "@/lib/attempts/variant-rule";
import { formatStepValue } from "@/lib/grading/format-value";
import { requestGrade } from "@/lib/client/grade-request";
import { requestReveal } from "@/lib/client/reveal-request";
import { ExerciseHistoryView, type HistoryView } from "./exercise-history";
import { StepInput } from "@/app/components/step-input";
import "./exercise.css";
import { RenderedHtml } from "@/app/components/rendered-html";

type Props = {
  variant: VariantView;
  progress: VariantProgress;
  history: HistoryView;
  /** The same exercise at a fresh seed. */
  newVariantHref: string;
};

export function ExerciseForm({ variant, progress, history, newVariantHref }: Props) {
  const router = useRouter();
  const [answers, setAnswers] = useState<Record<string, string>>({});
  const [result, setResult] = useState<GradeAttemptResult | null>(null);
  const [shown, setShown] = useState<VariantProgress | null>(progress.variant.revealed ? progress : null);
  const [status, setStatus] = useState<VariantReport>(progress.variant);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const startedAt = useRef(Date.now());

  async function submit(event: React.FormEvent) {
    event.preventDefault();
    setBusy(true);
    setError(null);
    const outcome = await requestGrade(variant, answers, Date.now() - startedAt.current);
    setBusy(false);
    if (!outcome.ok) {
      setError(outcome.offline ? "No connection. Your answers are still here; try again." : outcome.message);
      return;
    }
    setResult(outcome.result);
    setStatus(outcome.result.variant);
    if (outcome.result.stored) router.refresh();
  }

  async function reveal() {
    setBusy(true);
    setError(null);
    const outcome = await requestReveal(variant);
    setBusy(false);
    if (!outcome.ok) {
      setError(outcome.offline ? "No connection. Try again." : outcome.message);
      return;
    }
    setShown(outcome.body);
    setStatus(outcome.body.variant);
    router.refresh();
  }

  const byStep = new Map(result?.steps.map((s) => [s.step, s]));
  const expected = new Map(shown?.expected?.map((s) => [s.step, s.expected]));
  return (
    <>
      <section className="panel stack">
        <h1 style={{ margin: 0, fontSize: 21 }}>{variant.title}</h1>
        <RenderedHtml className="prompt" html={variant.promptHtml} />
        <p className="muted small" style={{ margin: 0 }} data-testid="variant-status" data-revealed={status.revealed}>
          Variant {variant.seed} · {variantLabel(status)}
        </p>
      </section>
      <form className="panel stack" onSubmit={submit} data-testid="exercise-form">
        {variant.steps.map((step, i) => (
          <div key={step.key} className="stack" style={{ gap: 4 }}>
            <StepInput
              step={step}
              last={i === variant.steps.length - 1}
              value={answers[step.key] ?? ""}
              onChange={(value) => setAnswers((a) => ({ ...a, [step.key]: value }))}
              grade={byStep.get(step.key)}
            />
            {expected.has(step.key) && byStep.get(step.key)?.expected === undefined ? (
              <div className="muted small" data-testid={`shown-${step.key}`}>
                Answer: {formatStepValue(expected.get(step.key) ?? 0)}
              </div>
            ) : null}
          </div>
        ))}
        {error && (
          <p className="error" role="alert">
            {error}
          </p>
        )}
        {result && (
          <p className={`verdict ${result.credited ? "right" : result.correct ? "practice" : "wrong"}`} data-testid="verdict">
            {result.correct ? "All steps right." : `Score ${Math.round(result.score * 100)}%`}
            {!result.stored ? " · not counted: a step could not be read" : ""}
            {result.afterReveal ? " · made after the answers were shown, so it earns no credit" : ""}
          </p>
        )}
        {status.revealed ? (
          <p className="small" style={{ margin: 0 }} data-testid="variant-finished">
            This variant is finished. You can keep practising it, but only a new variant counts toward your progress.
          </p>
        ) : null}
        <div className="row" style={{ flexWrap: "wrap" }}>
          <button className={`button ${status.revealed ? "" : "primary"}`} type="submit" disabled={busy} style={{ flex: 1 }} data-testid="check">
            {busy ? "Working…" : status.revealed ? "Check (practice)" : status.tries === 0 ? "Check" : "Check again"}
          </button>
          {status.revealed ? (
            <a className="button primary" href={newVariantHref} data-testid="new-variant" style={{ flex: 1 }}>
              New variant
            </a>
          ) : (
            <button type="button" className="button" onClick={reveal} disabled={busy} data-testid="reveal">
              Show answers
            </button>
          )}
        </div>
        {!status.revealed ? (
          <p className="muted small" style={{ margin: 0 }}>
            Showing the answers ends this variant: a pass after that is kept but does not count.{" "}
            <a href={newVariantHref} data-testid="new-variant">
              New variant
            </a>
          </p>
        ) : null}
      </form>
      <ExerciseHistoryView history={history} />
    </>
  );
}
