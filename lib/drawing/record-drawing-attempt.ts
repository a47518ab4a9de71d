// Storing a drawing attempt: check the answer fits the variant, grade it, and
// write one ExerciseAttempt row on the client-generated id. A retry with the
// same id returns the first result and writes nothing; a bad answer throws
// before anything is written. Drawings follow the exercises' reveal rule
// (lib/attempts/variant-rule.ts): a graded drawing shows its reference (every
// cell or wire marked, or the reference sketch beside the rubric), so its
// first graded try finishes the variant; later attempts at that seed are
// stored and marked `afterReveal`, and earn no credit and no Good rating.
import { z } from "zod";
import { afterTry, describeVariant, FRESH_VARIANT, variantStatus, type VariantState } from "../attempts/variant-rule";
import type { VariantReport } from "../attempts/grade-attempt";
import type { Db } from "../db/client";
import { inTransaction } from "../db/in-transaction";
import { insertAttemptOnce, selectEarlierAttempt, type AttemptJson } from "../data/exercise-attempt";
import { lockVariant, selectOptionalVariant, updateVariant } from "../data/exercise-variant";
import { AppError, notFound } from "../errors/app-error";
import { quoteInput } from "../errors/quote-input";
import type { DrawingGrade, DrawingItemResult } from "./drawing-grade";
import type { DrawingPromptLookup } from "./drawing-prompt";
import { DrawingAnswerSchema, type DrawingAnswer } from "./drawing-schemas";
import { ratingForDrawingReview } from "./drawing-rating";

export type DrawingAttemptInput = {
  userId: string;
  attemptId: string;
  slug: string;
  seed: number;
  answer: DrawingAnswer;
  durationMs?: number;
};

/** How a drawing attempt's JSON columns are read: the answer as drawn, and one verdict per graded item. */
export const DrawingAttemptJson = {
  answers: DrawingAnswerSchema,
  steps: z.array(z.object({ key: z.string(), label: z.string(), correct: z.boolean(), problem: z.enum(["missing", "extra", "unticked"]).optional() })),
} satisfies AttemptJson<DrawingAnswer, DrawingItemResult[]>;

export type DrawingAttemptResult = DrawingGrade & {
  attemptId: string;
  slug: string;
  seed: number;
  backend: string;
  /** The FSRS rating a drawing card in review would get for this result (1 Again, 2 Hard, 3 Good; Again when made after the reveal). */
  rating: 1 | 2 | 3;
  /** Made once this variant's reference had been shown (an earlier graded try): stored, but no credit. */
  afterReveal: boolean;
  /** A pass made before the reveal: what counts as checklist evidence and can rate Good. */
  credited: boolean;
  /** The variant after this attempt: a graded drawing reveals its reference, so it is finished. */
  variant: VariantReport;
  /** The attempt is kept, as POST /api/grade says it: a bad answer throws instead, so a result is always stored. */
  stored: true;
  /** Stored by an earlier request with this id: the stored result is returned and nothing is written. */
  duplicate: boolean;
};

/**
 * Grades one attempt made at `now` against the prompt `catalogue` holds and
 * stores it; `timer` (ms) measures the grading time stored. Throws NOT_FOUND
 * (unknown slug), VALIDATION (answer does not fit), CONFLICT (id reused for
 * other work).
 */
export async function recordDrawingAttempt(
  db: Db,
  catalogue: DrawingPromptLookup,
  input: DrawingAttemptInput,
  now: Date,
  timer: () => number = () => performance.now(),
): Promise<DrawingAttemptResult> {
  const prompt = catalogue.findDrawingPrompt(input.slug);
  if (!prompt) throw notFound(`Drawing prompt ${quoteInput(input.slug)}`);
  const issue = prompt.check(input.seed, input.answer);
  if (issue) throw new AppError("VALIDATION", issue, [{ path: "answer", message: issue }]);

  const started = timer();
  const grade = prompt.grade(input.seed, input.answer);
  const gradingMs = timer() - started;
  const result = (
    stored: DrawingGrade,
    misconceptions: readonly string[],
    afterReveal: boolean,
    state: VariantState,
    duplicate: boolean,
  ): DrawingAttemptResult => {
    const status = variantStatus(state);
    return {
      ...stored,
      attemptId: input.attemptId,
      slug: input.slug,
      seed: input.seed,
      backend: prompt.backend,
      rating: ratingForDrawingReview({ ...stored, misconceptions, afterReveal }),
      afterReveal,
      credited: stored.correct && !afterReveal,
      variant: { ...status, message: describeVariant(status) },
      stored: true,
      duplicate,
    };
  };

  return inTransaction(db, async (tx) => {
    const fromStored = async (earlier: { seed: number; answers: DrawingAnswer; misconceptions: string[]; afterReveal: boolean }) => {
      // Grading is pure, so the stored answer grades to the stored result.
      const state = (await selectOptionalVariant(tx, input)) ?? FRESH_VARIANT;
      return result(prompt.grade(earlier.seed, earlier.answers), earlier.misconceptions, earlier.afterReveal, state, true);
    };
    const earlier = await selectEarlierAttempt(tx, input, DrawingAttemptJson);
    if (earlier) return fromStored(earlier);
    const before = await lockVariant(tx, input, now);
    const afterReveal = before.revealedAt !== null;
    const misconceptions = grade.misconceptions.map((m) => m.code);
    const fields = {
      answers: input.answer,
      steps: grade.items,
      score: grade.score,
      correct: grade.correct,
      misconceptions,
      backend: prompt.backend,
      gradingMs,
      durationMs: input.durationMs ?? null,
      afterReveal,
    };
    const raced = await insertAttemptOnce(tx, input, fields, DrawingAttemptJson, now);
    if (raced) return fromStored(raced);
    const after = afterTry(before, grade.correct, now, true);
    if (after !== before) await updateVariant(tx, input, after);
    return result(grade, misconceptions, afterReveal, after, false);
  });
}
