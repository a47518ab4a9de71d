// Storing a drawing attempt: check the answer fits the variant, grade it, and
// write one ExerciseAttempt row on the client-generated id. A retry with the
// same id returns the first result and writes nothing; a bad answer throws
// before anything is written.
import type { Db } from "../db/client";
import type { ExerciseAttempt } from "../db/generated/client";
import { AppError, notFound } from "../errors/app-error";
import { quoteInput } from "../errors/quote-input";
import { insertAttemptOnce, selectEarlierAttempt } from "../attempts/store-attempt";
import { findDrawingPrompt } from "../../exercises/drawings";
import type { DrawingGrade } from "./drawing-grade";
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

/** Grades and stores one attempt. Throws NOT_FOUND (unknown slug), VALIDATION (answer does not fit), CONFLICT (id reused for other work). */
export async function recordDrawingAttempt(
  db: Db,
  input: DrawingAttemptInput,
  clock: () => number = () => performance.now(),
): Promise<DrawingAttemptResult> {
  const prompt = findDrawingPrompt(input.slug);
  if (!prompt) throw notFound(`Drawing prompt ${quoteInput(input.slug)}`);
  const issue = prompt.check(input.seed, input.answer);
  if (issue) throw new AppError("VALIDATION", issue, [{ path: "answer", message: issue }]);

  const started = clock();
  const grade = prompt.grade(input.seed, input.answer);
  const gradingMs = clock() - started;
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

  const fromStored = (earlier: ExerciseAttempt): DrawingAttemptResult => {
    // Grading is pure, so the stored answer grades to the stored result.
    const answer = DrawingAnswerSchema.safeParse(earlier.answers);
    const stored = answer.success ? prompt.grade(earlier.seed, answer.data) : grade;
    return { ...result(false), ...stored, rating: ratingForDrawingReview({ ...stored, misconceptions: earlier.misconceptions }) };
  };

  const earlier = await selectEarlierAttempt(db, input);
  if (earlier) return fromStored(earlier);
  const raced = await insertAttemptOnce(db, input, {
    answers: input.answer,
    steps: grade.items,
    score: grade.score,
    correct: grade.correct,
    misconceptions: grade.misconceptions.map((m) => m.code),
    backend: prompt.backend,
    gradingMs,
    durationMs: input.durationMs ?? null,
  });
  return raced ? fromStored(raced) : result(true);
}
