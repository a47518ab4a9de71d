// Storing a drawing attempt: check the answer fits the variant, grade it, and
// write one ExerciseAttempt row on the client-generated id. A retry with the
// same id returns the first result and writes nothing; a bad answer throws
// before anything is written.
import { z } from "zod";
import type { Db } from "../db/client";
import { insertAttemptOnce, selectEarlierAttempt, type AttemptJson } from "../data/exercise-attempt";
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
  /** The FSRS rating a drawing card in review would get for this result (1 Again, 2 Hard, 3 Good). */
  rating: 1 | 2 | 3;
  /** False when this id was stored before (the stored result is returned). */
  recorded: boolean;
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
  const result = (recorded: boolean): DrawingAttemptResult => ({
    ...grade,
    attemptId: input.attemptId,
    slug: input.slug,
    seed: input.seed,
    backend: prompt.backend,
    rating: ratingForDrawingReview({ ...grade, misconceptions: grade.misconceptions.map((m) => m.code) }),
    recorded,
    duplicate: !recorded,
  });

  const fromStored = (earlier: { seed: number; answers: DrawingAnswer; misconceptions: string[] }): DrawingAttemptResult => {
    // Grading is pure, so the stored answer grades to the stored result.
    const stored = prompt.grade(earlier.seed, earlier.answers);
    return { ...result(false), ...stored, rating: ratingForDrawingReview({ ...stored, misconceptions: earlier.misconceptions }) };
  };

  const earlier = await selectEarlierAttempt(db, input, DrawingAttemptJson);
  if (earlier) return fromStored(earlier);
  const fields = {
    answers: input.answer,
    steps: grade.items,
    score: grade.score,
    correct: grade.correct,
    misconceptions: grade.misconceptions.map((m) => m.code),
    backend: prompt.backend,
    gradingMs,
    durationMs: input.durationMs ?? null,
  };
  const raced = await insertAttemptOnce(db, input, fields, DrawingAttemptJson, now);
  return raced ? fromStored(raced) : result(true);
}
