// Answering one grill item, and self-grading an interview answer on its key
// points. Each runs in one transaction holding the grill's row lock, so two
// copies of a request, or an answer racing the finish, are applied one at a
// time: the first stores, a retry with the same content gets the stored
// item back, a different second answer is refused, and a finished grill is
// read-only. A numeric item is graded by the exercise engine and stored as
// an exercise attempt too (its id is the item's id, so it is stored once).
import { gradeAttempt } from "../attempts/grade-attempt";
import type { Catalogue } from "../catalogue/catalogue";
import { lockGrill, selectGrill, updateGrillItemAnswer, updateGrillItemKeyPoints, type GrillItemRow, type GrillRow, type NumericResult } from "../data/grill";
import type { PrismaClient } from "../db/generated/client";
import { AppError, conflict, notFound } from "../errors/app-error";
import { gradeExercise, validateAnswers } from "../grading";
import { keyPointsOf, toItemView, type GrillItemView } from "./grill-view";
import { answerTimeMs, isOutOfTime, itemScore, keyPointScore } from "./scoring";

export type AnswerInput = { userId: string; grillId: string; position: number; answer?: string; answers?: Record<string, string>; timeMs: number };

/**
 * As `POST /api/grade` names them: `stored`, the answer (or self-grade) is kept, by this request or, when
 * `duplicate`, by an earlier one with the same content; `stored` false only for a numeric answer with a step
 * that could not be read (nothing stored; fix and resend).
 */
export type AnswerOutcome = { item: GrillItemView; stored: boolean; duplicate: boolean };

/**
 * Records the answer to item `position` at the server's `now`. The time kept is the server's measure since
 * the question was first shown (the client's, bounded by what the server saw pass, when it never was),
 * capped at the clock; reaching the clock marks it out of time.
 */
export async function answerGrillItem(db: PrismaClient, catalogue: Catalogue, input: AnswerInput, now: Date): Promise<AnswerOutcome> {
  return db.$transaction(async (tx) => {
    await lockGrill(tx, input.userId, input.grillId);
    const grill = await selectGrill(tx, input.userId, input.grillId);
    const item = itemAt(grill, input.position);
    const view = (row: GrillItemRow) => toItemView(row, catalogue, grill.secondsPerItem, grill.finishedAt !== null, now);

    if (item.answeredAt) {
      if (!sameAnswer(item, input)) throw conflict("This question is already answered");
      return { item: view(item), stored: true, duplicate: true };
    }
    if (grill.finishedAt) throw conflict("This grill is finished; its answers can no longer change");

    const since = grill.items.reduce((latest, i) => (i.answeredAt && i.answeredAt > latest ? i.answeredAt : latest), grill.startedAt);
    const timeMs = answerTimeMs({ reportedMs: input.timeMs, since, shownAt: item.shownAt, now, secondsPerItem: grill.secondsPerItem });
    const outOfTime = isOutOfTime(timeMs, grill.secondsPerItem);

    if (item.card && !item.exerciseSlug) {
      if (input.answer === undefined) throw new AppError("VALIDATION", "This is an interview question: send answer", [{ path: "answer", message: "Required" }]);
      const saved = await updateGrillItemAnswer(tx, item.id, { answer: input.answer, timeMs }, now);
      return { item: view({ ...item, ...saved }), stored: true, duplicate: false };
    }

    const exercise = item.exerciseSlug ? catalogue.findExercise(item.exerciseSlug) : undefined;
    if (!exercise || item.seed === null) throw conflict("This question is no longer in the course");
    if (input.answers === undefined) throw new AppError("VALIDATION", "This is a numeric question: send answers", [{ path: "answers", message: "Required" }]);
    const answers = input.answers;
    // Out of time, whatever was typed is kept (blank steps included) and scores 0; in time, the grader's rules apply.
    const complete = validateAnswers(exercise, answers).length === 0;
    const graded =
      !outOfTime || complete
        ? await gradeAttempt(
            tx,
            catalogue,
            { userId: input.userId, attemptId: item.id, slug: exercise.slug, seed: item.seed, answers, durationMs: timeMs, singleTry: true },
            now,
          )
        : { ...gradeExercise(exercise, item.seed, answers), stored: false };
    const steps = graded.steps.map(({ step, score, correct, expected, feedback, wrongElements, misconception, unreadable }) => ({
      step,
      score,
      correct,
      expected,
      feedback,
      wrongElements,
      misconception,
      unreadable,
    }));
    const result: NumericResult = {
      answers,
      score: graded.score,
      correct: graded.correct,
      steps,
      misconceptions: graded.misconceptions,
      attemptId: graded.stored ? item.id : null,
    };
    if (!graded.stored && !outOfTime) {
      // A step could not be read: show why, store nothing, let the learner fix it.
      return { item: { ...view(item), grade: result }, stored: false, duplicate: false };
    }
    const saved = await updateGrillItemAnswer(
      tx,
      item.id,
      {
        answer: exercise.steps.map((s) => `${s.label}: ${answers[s.key] ?? ""}`).join("\n"),
        result,
        score: itemScore(graded.score, outOfTime),
        timeMs,
      },
      now,
    );
    return { item: view({ ...item, ...saved }), stored: true, duplicate: false };
  });
}

export type KeyPointsInput = { userId: string; grillId: string; position: number; keyPointsHit: number[] };

/** Records which key points an answered interview item covered; score = ticked / total (0 when out of time). */
export async function gradeKeyPoints(db: PrismaClient, catalogue: Catalogue, input: KeyPointsInput, now: Date): Promise<AnswerOutcome> {
  return db.$transaction(async (tx) => {
    await lockGrill(tx, input.userId, input.grillId);
    const grill = await selectGrill(tx, input.userId, input.grillId);
    const item = itemAt(grill, input.position);
    const view = (row: GrillItemRow) => toItemView(row, catalogue, grill.secondsPerItem, grill.finishedAt !== null, now);
    if (!item.card || item.exerciseSlug) throw conflict("Only interview questions are graded on key points");
    if (!item.answeredAt) throw conflict("Answer the question before grading it");
    const hit = [...new Set(input.keyPointsHit)].sort((a, b) => a - b);
    const total = keyPointsOf(item.card).length;
    const outside = hit.find((i) => i >= total);
    if (outside !== undefined)
      throw new AppError("VALIDATION", `This question has ${total} key points`, [{ path: "keyPointsHit", message: `No key point ${outside}` }]);

    const outOfTime = isOutOfTime(item.timeMs, grill.secondsPerItem);
    if (item.score !== null || grill.finishedAt !== null) {
      if (item.keyPointsHit.join(",") !== hit.join(",")) throw conflict("This answer is already graded");
      return { item: view(item), stored: true, duplicate: true };
    }
    const saved = await updateGrillItemKeyPoints(tx, item.id, hit, itemScore(keyPointScore(hit, total), outOfTime));
    return { item: view({ ...item, ...saved }), stored: true, duplicate: false };
  });
}

/** The grill's item at `position`; NOT_FOUND when there is none. */
export function itemAt(grill: GrillRow, position: number): GrillItemRow {
  const item = grill.items.find((i) => i.position === position);
  if (!item) throw notFound("Grill question");
  return item;
}

function sameAnswer(item: GrillItemRow, input: AnswerInput): boolean {
  if (input.answer !== undefined) return item.answer === input.answer;
  const stored: NumericResult | null = item.result;
  if (!stored || !input.answers) return false;
  const keys = new Set([...Object.keys(stored.answers), ...Object.keys(input.answers)]);
  return [...keys].every((k) => stored.answers[k] === input.answers?.[k]);
}
