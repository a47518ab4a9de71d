/** The grading engine: exercise definitions, grading of attempts, and authoring support. */
export * from "./exercise-definition";
export type { DiagnosedMisconception, GradeResult, StepDistance, StepGrade } from "./grade-result";
export { gradeExercise } from "./grade-exercise";
export { gradeStep, type StepOutcome, type WrongMethodValues } from "./grade-step";
export { diagnoseStep, rankWrongMethods, readableAnswers, type RankedWrongMethod } from "./diagnose-steps";
export { validateAnswers, type AnswerIssue, type AnswerIssueCode } from "./validate-answers";
export { formatNumber, formatStepValue } from "./format-value";
export { diagnosable, drawUntil, separatesWrongMethods } from "./authoring";
export { asParsed, valuesMatch } from "./values";
