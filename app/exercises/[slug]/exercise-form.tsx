"use client";
// One exercise variant: the prompt in the learner's numbers, an answer box
// per step, and after grading each step's verdict, the expected value and,
// when the answer matches a known wrong method, the named mistake.
import { useRouter } from "next/navigation";
import { useRef, useState } from "react";
import type { VariantView } from "@/lib/grading/exercise-view";
import type { GradeAttemptResult } from "@/lib/attempts/grade-attempt";
import { requestGrade } from "@/lib/client/grade-request";
import { AttemptHistory, type AttemptRow } from "./attempt-history";
import { StepInput } from "@/app/components/step-input";
import "./exercise.css";
import { RenderedHtml } from "@/app/components/rendered-html";

type Props = { variant: VariantView; attempts: AttemptRow[] /** The same exercise at a fresh seed. */; newVariantHref: string };

export function ExerciseForm({ variant, attempts, newVariantHref }: Props) {
  const router = useRouter();
  const [answers, setAnswers] = useState<Record<string, string>>({});
  const [result, setResult] = useState<GradeAttemptResult | null>(null);
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
    if (outcome.result.recorded) router.refresh();
  }

  const byStep = new Map(result?.steps.map((s) => [s.step, s]));
  return (
    <>
      <section className="panel stack">
        <h1 style={{ margin: 0, fontSize: 21 }}>{variant.title}</h1>
        <RenderedHtml className="prompt" html={variant.promptHtml} />
        <p className="muted small" style={{ margin: 0 }}>
          Variant {variant.seed}
        </p>
      </section>
      <form className="panel stack" onSubmit={submit} data-testid="exercise-form">
        {variant.steps.map((step, i) => (
          <StepInput
            key={step.key}
            step={step}
            last={i === variant.steps.length - 1}
            value={answers[step.key] ?? ""}
            onChange={(value) => setAnswers((a) => ({ ...a, [step.key]: value }))}
            grade={byStep.get(step.key)}
          />
        ))}
        {error && (
          <p className="error" role="alert">
            {error}
          </p>
        )}
        {result && (
          <p className={`verdict ${result.correct ? "right" : "wrong"}`} data-testid="verdict">
            {result.correct ? "All steps right." : `Score ${Math.round(result.score * 100)}%`}
            {!result.recorded && !result.duplicate ? " · not counted: a step could not be read" : ""}
          </p>
        )}
        <div className="row">
          <button className="button primary" type="submit" disabled={busy} style={{ flex: 1 }}>
            {busy ? "Grading…" : "Check"}
          </button>
          <a className="button" href={newVariantHref} data-testid="new-variant">
            New numbers
          </a>
        </div>
      </form>
      <AttemptHistory attempts={attempts} />
    </>
  );
}
