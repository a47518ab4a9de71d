"use client";
// One answer box of an exercise, with its verdict underneath once graded.
import type { StepView } from "@/lib/grading/exercise-view";
import { StepFeedback, type StepResult } from "./step-feedback";

type Props = {
  step: StepView;
  value: string;
  onChange: (value: string) => void;
  grade?: StepResult;
  /** False hides the expected value while a retry is still open. */
  showExpected?: boolean;
  disabled?: boolean;
};

export function StepInput({ step, value, onChange, grade, showExpected = true, disabled = false }: Props) {
  return (
    <div className="step">
      <label>
        {step.label}
        {step.unit ? <span className="muted small"> (in {step.unit})</span> : null}
        <input
          name={step.key}
          data-testid={`answer-${step.key}`}
          value={value}
          onChange={(e) => onChange(e.target.value)}
          autoComplete="off"
          autoCapitalize="off"
          autoCorrect="off"
          spellCheck={false}
          maxLength={200}
          disabled={disabled}
          placeholder={typeof step.shape === "string" ? "e.g. -1.22 or sqrt(10)" : "e.g. [0.63, 1.26]"}
        />
      </label>
      {grade && <StepFeedback grade={grade} showExpected={showExpected} />}
    </div>
  );
}
