// Grading an attempt for a user: validate the answers against the exercise,
// grade on the float64 reference path, and store the attempt once (the
// client-generated id makes a retried post return the first result). An
// attempt with a step that could not be read is answered but not stored: it
// costs the learner nothing.
import type { Db } from "../db/client";
import type { ExerciseAttempt } from "../db/generated/client";
import { AppError, notFound } from "../errors/app-error";
import { quoteInput } from "../errors/quote-input";
import { findExercise } from "../../exercises";
import { gradeExercise, validateAnswers, type GradeResult, type StepGrade } from "../grading";
import { insertAttemptOnce, selectEarlierAttempt } from "./store-attempt";

/** Which arithmetic graded the attempt: exact float64 for hand-sized exercises. */
export const HAND_EXERCISE_BACKEND = "float64";

export type GradeAttemptInput = {
  userId: string;
  attemptId: string;
  slug: string;
  seed: number;
  answers: Record<string, string>;
  durationMs?: number;
};

export type GradeAttemptResult = Omit<GradeResult, "steps"> & {
  attemptId: string;
  exercise: string;
  seed: number;
  steps: Omit<StepGrade, "parsed">[];
  backend: string;
  /** Time spent grading, in milliseconds (not counting storage). */
  ms: number;
  /** False when a step could not be read (nothing stored) or this id was seen before. */
  recorded: boolean;
  duplicate: boolean;
};

/**
 * Grades one attempt and stores it once on `input.attemptId`; a retry returns the stored result.
 * Throws NOT_FOUND (unknown exercise), VALIDATION (answers do not fit, or use what answers may not),
 * CONFLICT (the id holds other work).
 */
export async function gradeAttempt(
  db: Db,
  input: GradeAttemptInput,
  clock: () => number = () => performance.now(),
): Promise<GradeAttemptResult> {
  const exercise = findExercise(input.slug);
  if (!exercise) throw notFound(`Exercise ${quoteInput(input.slug)}`);
  const issues = validateAnswers(exercise, input.answers);
  if (issues.length > 0) {
    const first = issues[0];
    throw new AppError(
      "VALIDATION",
      first ? first.message : "Invalid answers",
      issues.map((i) => ({ path: `answers.${i.step}`, message: i.message })),
    );
  }

  const earlier = await selectEarlierAttempt(db, input);
  if (earlier) return storedResult(earlier);

  const started = clock();
  const result = gradeExercise(exercise, input.seed, input.answers);
  const ms = clock() - started;
  // A typo is feedback; an expression using what answers may not contain is a bad request.
  const refused = result.steps.filter((s) => s.unreadable === "disallowed");
  if (refused.length > 0) {
    throw new AppError(
      "VALIDATION",
      refused[0]?.feedback ?? "That expression is not allowed in an answer",
      refused.map((s) => ({ path: `answers.${s.step}`, message: s.feedback })),
    );
  }
  const steps = result.steps.map(({ parsed: _parsed, ...rest }) => rest);
  const recordable = result.unparseable.length === 0;
  if (recordable) {
    const raced = await insertAttemptOnce(db, input, {
      answers: input.answers,
      steps: result.steps.map((s) => ({ ...s, parsed: s.parsed ?? null })),
      score: result.score,
      correct: result.correct,
      misconceptions: result.misconceptions,
      backend: HAND_EXERCISE_BACKEND,
      gradingMs: ms,
      durationMs: input.durationMs ?? null,
    });
    if (raced) return storedResult(raced);
  }
  return {
    ...result,
    steps,
    attemptId: input.attemptId,
    exercise: input.slug,
    seed: input.seed,
    backend: HAND_EXERCISE_BACKEND,
    ms,
    recorded: recordable,
    duplicate: false,
  };
}

/** The result of an attempt stored earlier under the same id, as the first request answered it. */
function storedResult(earlier: ExerciseAttempt): GradeAttemptResult {
  return {
    attemptId: earlier.id,
    exercise: earlier.exerciseSlug,
    seed: earlier.seed,
    score: earlier.score,
    correct: earlier.correct,
    steps: earlier.steps as Omit<StepGrade, "parsed">[],
    misconceptions: earlier.misconceptions,
    unparseable: [],
    backend: earlier.backend,
    ms: earlier.gradingMs,
    recorded: false,
    duplicate: true,
  };
}
