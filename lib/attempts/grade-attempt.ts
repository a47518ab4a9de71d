// Grading an attempt for a user: validate the answers against the exercise,
// grade on the float64 reference path, and store the attempt once (the
// client-generated id makes a retried post return the first result). An
// attempt with a step that could not be read is answered but not stored: it
// costs the learner nothing.
import type { Catalogue } from "../catalogue/catalogue";
import type { Db } from "../db/client";
import { insertAttemptOnce, NumericAttemptJson, selectEarlierAttempt, type StoredAttempt } from "../data/exercise-attempt";
import { AppError, notFound } from "../errors/app-error";
import { quoteInput } from "../errors/quote-input";
import { gradeExercise, validateAnswers, type GradeResult, type StepGrade } from "../grading";

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
 * Grades one attempt made at `now` against `catalogue` and stores it once on
 * `input.attemptId`; a retry returns the stored result. `timer` (ms) measures
 * the grading time reported. Throws NOT_FOUND (unknown exercise), VALIDATION
 * (answers do not fit, or use what answers may not), CONFLICT (the id holds
 * other work).
 */
export async function gradeAttempt(
  db: Db,
  catalogue: Catalogue,
  input: GradeAttemptInput,
  now: Date,
  timer: () => number = () => performance.now(),
): Promise<GradeAttemptResult> {
  const exercise = catalogue.findExercise(input.slug);
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

  const earlier = await selectEarlierAttempt(db, input, NumericAttemptJson);
  if (earlier) return storedResult(earlier);

  const started = timer();
  const result = gradeExercise(exercise, input.seed, input.answers);
  const ms = timer() - started;
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
    const raced = await insertAttemptOnce(
      db,
      input,
      {
        answers: input.answers,
        steps: result.steps.map((s) => ({ ...s, parsed: s.parsed ?? null })),
        score: result.score,
        correct: result.correct,
        misconceptions: result.misconceptions,
        backend: HAND_EXERCISE_BACKEND,
        gradingMs: ms,
        durationMs: input.durationMs ?? null,
      },
      NumericAttemptJson,
      now,
    );
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
function storedResult(earlier: StoredAttempt<Record<string, string>, Omit<StepGrade, "parsed">[]>): GradeAttemptResult {
  return {
    attemptId: earlier.id,
    exercise: earlier.exerciseSlug,
    seed: earlier.seed,
    score: earlier.score,
    correct: earlier.correct,
    steps: earlier.steps,
    misconceptions: earlier.misconceptions,
    unparseable: [],
    backend: earlier.backend,
    ms: earlier.gradingMs,
    recorded: false,
    duplicate: true,
  };
}
