"use client";
import type { GradeAttemptResult } from "@/lib/attempts/grade-attempt";
import { formatStepValue } from "@/lib/grading/format-value";

type StepResult = GradeAttemptResult["steps"][number];

/** The verdict under one answer box. */
export function StepFeedback({ grade }: { grade: StepResult }) {
  return (
    <div className={`feedback ${grade.correct ? "right" : "wrong"}`} data-testid={`feedback-${grade.step}`}>
      <strong>{grade.correct ? "✓" : "✗"}</strong>{" "}
      {grade.misconception ? (
        <span data-testid="misconception">
          <span className="pill">{grade.misconception.code}</span> {grade.misconception.message}
        </span>
      ) : (
        grade.feedback
      )}
      {!grade.correct && grade.expected !== undefined && (
        <div className="muted small">Expected {formatStepValue(grade.expected)}</div>
      )}
    </div>
  );
}
