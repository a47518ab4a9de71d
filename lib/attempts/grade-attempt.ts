// Grading an attempt for a user: validate the answers against the exercise,
// grade on the float64 reference path, and store the attempt once (the
// client-generated id makes a retried post return the first result). The
// variant's row is locked while the attempt is stored, so its tries and its
// reveal (variant-rule.ts) move one attempt at a time; an attempt made once
// the answers were shown is stored and marked, and earns no credit. An
// attempt with a step that could not be read is answered but not stored: it
// costs the learner nothing, not even a try.
import type { Catalogue } from "../catalogue/catalogue";
import type { Db } from "../db/client";
import { inTransaction } from "../db/in-transaction";
import { insertAttemptOnce, NumericAttemptJson, selectEarlierAttempt, type StoredAttempt } from "../data/exercise-attempt";
import { lockVariant, selectOptionalVariant, updateVariant } from "../data/exercise-variant";
import { AppError, notFound } from "../errors/app-error";
import { quoteInput } from "../errors/quote-input";
import { gradeExercise, validateAnswers, type GradeResult } from "../grading";
import { presentSteps, type PresentedStep } from "./present-steps";
import { afterTry, describeVariant, FRESH_VARIANT, variantStatus, type VariantState, type VariantStatus } from "./variant-rule";

/** Which arithmetic graded the attempt: exact float64 for hand-sized exercises. */
export const HAND_EXERCISE_BACKEND = "float64";

export type GradeAttemptInput = {
  userId: string;
  attemptId: string;
  slug: string;
  seed: number;
  answers: Record<string, string>;
  durationMs?: number;
  /** Reveal the answers after this one try, whatever its result (a grill shows them at once). */
  singleTry?: boolean;
};

/** The variant after the attempt, with one sentence saying where it stands. */
export type VariantReport = VariantStatus & { message: string };

export type GradeAttemptResult = Omit<GradeResult, "steps"> & {
  attemptId: string;
  exercise: string;
  seed: number;
  /** Each step's verdict; `expected` and `off` only once the variant's answers are revealed (`variant.revealed`). */
  steps: PresentedStep[];
  backend: string;
  /** Time spent grading, in milliseconds (not counting storage). */
  ms: number;
  /** The attempt is stored (by this request or, when `duplicate`, by an earlier one with this id); false when a step could not be read. */
  stored: boolean;
  duplicate: boolean;
  /** Made after the variant's answers were shown: stored, but no credit. */
  afterReveal: boolean;
  /** A pass made before the reveal: the kind that counts as checklist evidence and can rate Good. */
  credited: boolean;
  variant: VariantReport;
};

const report = (state: VariantState): VariantReport => {
  const status = variantStatus(state);
  return { ...status, message: describeVariant(status) };
};

/**
 * Grades one attempt made at `now` against `catalogue` and stores it once on
 * `input.attemptId`; a retry returns the stored result. Steps left blank score
 * 0 and say so. `timer` (ms) measures the grading time reported. Throws
 * NOT_FOUND (unknown exercise), VALIDATION (answers do not fit, use what
 * answers may not, or answer no step), CONFLICT (the id holds other work).
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
  const allIssues = validateAnswers(exercise, input.answers);
  const issues = allIssues.filter((i) => i.code !== "missing-step");
  if (allIssues.length === exercise.steps.length && allIssues.every((i) => i.code === "missing-step")) {
    throw new AppError("VALIDATION", "Answer at least one step", [
      { path: "answers", message: `Expected answers for ${exercise.steps.map((s) => s.key).join(", ")}` },
    ]);
  }
  if (issues.length > 0) {
    const first = issues[0];
    throw new AppError(
      "VALIDATION",
      first ? first.message : "Invalid answers",
      issues.map((i) => ({ path: `answers.${i.step}`, message: i.message })),
    );
  }

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

  return inTransaction(db, async (tx) => {
    const earlier = await selectEarlierAttempt(tx, input, NumericAttemptJson);
    if (earlier) return storedResult(earlier, (await selectOptionalVariant(tx, input)) ?? FRESH_VARIANT);
    const answered = (state: VariantState, stored: boolean, afterReveal: boolean): GradeAttemptResult => ({
      ...result,
      steps: presentSteps(result.steps, state.revealedAt !== null),
      attemptId: input.attemptId,
      exercise: input.slug,
      seed: input.seed,
      backend: HAND_EXERCISE_BACKEND,
      ms,
      stored,
      duplicate: false,
      afterReveal,
      credited: stored && result.correct && !afterReveal,
      variant: report(state),
    });
    if (result.unparseable.length > 0) return answered((await selectOptionalVariant(tx, input)) ?? FRESH_VARIANT, false, false);

    const before = await lockVariant(tx, input, now);
    const afterReveal = before.revealedAt !== null;
    const raced = await insertAttemptOnce(
      tx,
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
        afterReveal,
      },
      NumericAttemptJson,
      now,
    );
    if (raced) return storedResult(raced, before);
    const after = afterTry(before, result.correct, now, input.singleTry);
    if (after !== before) await updateVariant(tx, input, after);
    return answered(after, true, afterReveal);
  });
}

/** The result of an attempt stored earlier under the same id, shown as its variant now stands. */
function storedResult(earlier: StoredAttempt<Record<string, string>, PresentedStep[]>, state: VariantState): GradeAttemptResult {
  return {
    attemptId: earlier.id,
    exercise: earlier.exerciseSlug,
    seed: earlier.seed,
    score: earlier.score,
    correct: earlier.correct,
    steps: presentSteps(earlier.steps, state.revealedAt !== null),
    misconceptions: earlier.misconceptions,
    unparseable: [],
    backend: earlier.backend,
    ms: earlier.gradingMs,
    stored: true,
    duplicate: true,
    afterReveal: earlier.afterReveal,
    credited: earlier.correct && !earlier.afterReveal,
    variant: report(state),
  };
}
