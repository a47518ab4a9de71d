"use client";
// A numeric grill item: the exercise in the learner's numbers, one box per
// step, graded by the exercise engine (with the named mistake when it matches one).
import type { GrillItemView, NumericResult } from "@/lib/grills/grill-view";
import { StepInput } from "@/app/components/step-input";

type Props = {
  item: GrillItemView;
  answers: Record<string, string>;
  onAnswer: (key: string, value: string) => void;
  /** A grade the server gave without recording it (a step could not be read). */
  pending: NumericResult | null;
  disabled: boolean;
};

export function NumericItem({ item, answers, onAnswer, pending, disabled }: Props) {
  const exercise = item.exercise;
  if (!exercise) return null;
  const grade = item.grade ?? pending;
  const byStep = new Map(grade?.steps.map((s) => [s.step, s]));
  const values = item.grade ? item.grade.answers : answers;
  return (
    <div className="stack">
      {exercise.steps.map((step, i) => (
        <StepInput
          key={step.key}
          step={step}
          last={i === exercise.steps.length - 1}
          value={values[step.key] ?? ""}
          onChange={(v) => onAnswer(step.key, v)}
          grade={byStep.get(step.key)}
          showExpected={item.answered}
          disabled={item.answered || disabled}
        />
      ))}
      {item.grade && (
        <p className={`grill-verdict ${item.grade.correct ? "right" : "wrong"}`} data-testid="numeric-verdict">
          {item.grade.correct ? "All steps right." : `Grader: ${Math.round(item.grade.score * 100)}%`}
          {item.outOfTime ? " · out of time, scores 0" : ""}
        </p>
      )}
    </div>
  );
}
