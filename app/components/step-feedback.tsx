"use client";
import type { GradeAttemptResult } from "@/lib/attempts/grade-attempt";
import { formatStepValue } from "@/lib/grading/format-value";

export type StepResult = GradeAttemptResult["steps"][number];

/** The verdict under one answer box; `showExpected` false keeps the answer hidden while a retry is open. */
export function StepFeedback({ grade, showExpected = true }: { grade: StepResult; showExpected?: boolean }) {
  return (
    <div className={`feedback ${grade.correct ? "right" : "wrong"}`} data-testid={`feedback-${grade.step}`}>
      <strong>{grade.correct ? "✓" : "✗"}</strong>{" "}
      {grade.misconception ? (
        <span data-testid="misconception" data-code={grade.misconception.code}>
          {grade.misconception.message}
          {grade.misconception.alsoPossible && (
            <span className="muted small" data-testid="also-possible" data-code={grade.misconception.alsoPossible.code}>
              {" "}
              It could also be: {grade.misconception.alsoPossible.title}.
            </span>
          )}
        </span>
      ) : (
        grade.feedback
      )}
      {showExpected && !grade.correct && grade.expected !== undefined && <div className="muted small">Expected {formatStepValue(grade.expected)}</div>}
    </div>
  );
}
