"use client";
// An exercise card in the daily queue: a fresh variant to solve instead of a
// face to recall. The grade sets the rating (lib/grading/exercise-rating.ts):
// right first time and quick → Good, right after a slip or slow → Hard,
// wrong, or right only after the answers were shown → Again. The variant's
// tries and reveal are the server's (lib/attempts/variant-rule.ts): a check
// says which steps are right, the answers show once every try is used, the
// steps are right, or the learner gives up.
import { useRef, useState } from "react";
import type { QueueCard } from "@/lib/queue/queue-card";
import type { GradeAttemptResult } from "@/lib/attempts/grade-attempt";
import { ratingForExerciseReview } from "@/lib/grading/exercise-rating";
import { requestGrade } from "@/lib/client/grade-request";
import { requestReveal } from "@/lib/client/reveal-request";
import type { VariantProgress } from "@/lib/attempts/reveal-variant";
import { formatStepValue } from "@/lib/grading/format-value";
import { StepInput } from "@/app/components/step-input";
import { RATING_NAMES } from "./rating-bar";
import { RenderedHtml } from "@/app/components/rendered-html";

type Props = { card: QueueCard & { exercise: NonNullable<QueueCard["exercise"]> }; onRated: (rating: 1 | 2 | 3) => void; onSkip: () => void };

export function ExerciseCardFace({ card, onRated, onSkip }: Props) {
  const variant = card.exercise;
  const [answers, setAnswers] = useState<Record<string, string>>({});
  const [tries, setTries] = useState(0);
  const [result, setResult] = useState<GradeAttemptResult | null>(null);
  // Time to the last graded submission: the rating must not drift while the learner reads feedback.
  const [answeredInMs, setAnsweredInMs] = useState(0);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [gaveUp, setGaveUp] = useState<VariantProgress | null>(null);
  const shownAt = useRef(Date.now());

  const rating = gaveUp
    ? 1
    : result && (result.correct || result.variant.revealed)
      ? ratingForExerciseReview({ tries, correct: result.correct, afterReveal: result.afterReveal, durationMs: answeredInMs, steps: variant.steps.length })
      : null;

  async function giveUp() {
    setBusy(true);
    setError(null);
    const outcome = await requestReveal(variant);
    setBusy(false);
    if (!outcome.ok) {
      setError(outcome.offline ? "Showing the answers needs a connection. Try again, or skip this card for now." : outcome.message);
      return;
    }
    setGaveUp(outcome.body);
  }

  async function check(event: React.FormEvent) {
    event.preventDefault();
    setBusy(true);
    setError(null);
    const durationMs = Date.now() - shownAt.current;
    const outcome = await requestGrade(variant, answers, durationMs);
    setBusy(false);
    if (!outcome.ok) {
      setError(outcome.offline ? "Grading needs a connection. Try again, or skip this card for now." : outcome.message);
      return;
    }
    setResult(outcome.result);
    setAnsweredInMs(durationMs);
    // A step that could not be read costs no try.
    if (outcome.result.unparseable.length === 0) setTries((t) => t + 1);
  }

  const byStep = new Map(result?.steps.map((s) => [s.step, s]));
  const shown = new Map(gaveUp?.expected?.map((s) => [s.step, s.expected]));
  return (
    <article className="card-face revealed exercise-card" data-testid="card" data-card-id={card.cardId} data-exercise={variant.slug} data-seed={variant.seed}>
      <header className="card-meta">
        <span>{card.topic}</span>
        <span className="pill">exercise</span>
      </header>
      <RenderedHtml className="prompt" html={variant.promptHtml} />
      <form className="stack" onSubmit={check}>
        {variant.steps.map((step, i) => (
          <StepInput
            key={step.key}
            step={step}
            last={i === variant.steps.length - 1}
            value={answers[step.key] ?? ""}
            onChange={(value) => setAnswers((a) => ({ ...a, [step.key]: value }))}
            grade={byStep.get(step.key)}
            showExpected={rating !== null}
            disabled={rating !== null}
          />
        ))}
        {gaveUp ? (
          <ul className="muted small" style={{ margin: 0, paddingLeft: "1.2em" }} data-testid="answers-shown">
            {variant.steps.map((step) => (
              <li key={step.key}>
                {step.label}: {shown.has(step.key) ? formatStepValue(shown.get(step.key) ?? 0) : "—"}
              </li>
            ))}
          </ul>
        ) : null}
        {error && (
          <p className="error" role="alert">
            {error}
          </p>
        )}
        {rating === null ? (
          <div className="row">
            <button className="button primary" type="submit" disabled={busy} style={{ flex: 1 }} data-testid="check">
              {busy ? "Grading…" : tries === 0 || !result ? "Check" : `Check again · ${result.variant.triesLeft} left`}
            </button>
            {error ? (
              <button type="button" className="button" onClick={onSkip}>
                Skip
              </button>
            ) : null}
            {result && !result.correct && result.stored ? (
              <button type="button" className="button" onClick={giveUp} disabled={busy} data-testid="give-up">
                Show answers
              </button>
            ) : null}
          </div>
        ) : (
          <button type="button" className="button primary block" onClick={() => onRated(rating)} data-testid="exercise-next">
            Next · rated {RATING_NAMES[rating]}
          </button>
        )}
      </form>
    </article>
  );
}
