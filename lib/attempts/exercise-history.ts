// A learner's history at one numeric exercise: each recent variant with its
// attempts, where it stands (tries, reveal) and the mistakes named in it, and
// each step's accuracy over the attempts made before a reveal (attempts made
// after the answers were shown would only measure copying).
import { z } from "zod";
import type { Catalogue } from "../catalogue/catalogue";
import type { Db } from "../db/client";
import { Prisma } from "../db/generated/client";
import { CountColumn, parseStored, queryRows } from "../db/rows";
import { notFound } from "../errors/app-error";
import { quoteInput } from "../errors/quote-input";
import { misconceptionName } from "../grading/misconception-name";
import * as float64 from "../reference/float64";
import { describeVariant, FRESH_VARIANT, variantStatus, type VariantStatus } from "./variant-rule";

/** Attempts read for the variant list (the step accuracy counts every attempt). */
export const HISTORY_ATTEMPTS = 100;

export type NamedMistake = { code: string; name: string };

/** One step's verdict in one attempt; a step left out of the attempt is absent. */
export type AttemptStepMark = { step: string; correct: boolean };

export type HistoryAttempt = {
  id: string;
  createdAt: Date;
  score: number;
  correct: boolean;
  afterReveal: boolean;
  credited: boolean;
  mistakes: NamedMistake[];
  /** Each graded step right or not, in the exercise's order. */
  steps: AttemptStepMark[];
};

export type VariantHistory = { seed: number; variant: VariantStatus & { message: string }; attempts: HistoryAttempt[] };

export type StepAccuracy = {
  step: string;
  label: string;
  /** Attempts made before a reveal that graded this step. */
  tried: number;
  right: number;
  /** right / tried, 0..1 to 4 decimals; null before any attempt. */
  accuracy: number | null;
};

export type ExerciseHistory = {
  exercise: string;
  title: string;
  /** Recent variants, newest first, each with its attempts oldest first. */
  variants: VariantHistory[];
  steps: StepAccuracy[];
  /** Every stored attempt; `credited`: passes made before a reveal (what evidence counts). */
  totals: { attempts: number; credited: number };
};

/** The statement behind the step accuracy; exported so a test can EXPLAIN it. */
export function stepAccuracySql(userId: string, slug: string): Prisma.Sql {
  return Prisma.sql`
    SELECT s->>'step' AS step, count(*) AS tried, count(*) FILTER (WHERE (s->>'correct')::boolean) AS "right"
    FROM exercise_attempt a CROSS JOIN LATERAL jsonb_array_elements(a.steps) AS s
    WHERE a."userId" = ${userId} AND a."exerciseSlug" = ${slug} AND NOT a."afterReveal" AND jsonb_typeof(a.steps) = 'array'
    GROUP BY 1`;
}

const round4 = (x: number): number => Math.round(x * 10_000) / 10_000;

/** Just the verdicts of a stored attempt's steps (the rest of each step is not read here). */
const StepMarksSchema = z.array(z.object({ step: z.string(), correct: z.boolean() }));

function stepMarks(steps: readonly { key: string }[], id: string, stored: unknown): AttemptStepMark[] {
  const marks = new Map(parseStored(StepMarksSchema, stored, `exercise_attempt ${id} steps`).map((m) => [m.step, m.correct]));
  return steps.flatMap((s) => (marks.has(s.key) ? [{ step: s.key, correct: marks.get(s.key) === true }] : []));
}

/** The user's history at exercise `slug`: recent variants (from the last HISTORY_ATTEMPTS attempts), step accuracy, totals. Throws NOT_FOUND. */
export async function loadExerciseHistory(db: Db, catalogue: Catalogue, userId: string, slug: string): Promise<ExerciseHistory> {
  const exercise = catalogue.findExercise(slug);
  if (!exercise) throw notFound(`Exercise ${quoteInput(slug)}`);
  // Misconception messages do not depend on the numbers; any seed's wrong methods carry them.
  const messages = new Map(exercise.wrongMethods(0, float64).map((m) => [m.code, m.message] as const));
  const [recent, accuracy, attempts, credited] = await Promise.all([
    db.exerciseAttempt.findMany({
      where: { userId, exerciseSlug: slug },
      orderBy: { createdAt: "desc" },
      take: HISTORY_ATTEMPTS,
      select: { id: true, seed: true, score: true, correct: true, afterReveal: true, misconceptions: true, steps: true, createdAt: true },
    }),
    queryRows(db, z.object({ step: z.string(), tried: CountColumn, right: CountColumn }), stepAccuracySql(userId, slug), "stepAccuracy"),
    db.exerciseAttempt.count({ where: { userId, exerciseSlug: slug } }),
    db.exerciseAttempt.count({ where: { userId, exerciseSlug: slug, correct: true, afterReveal: false } }),
  ]);
  const seeds = [...new Set(recent.map((a) => a.seed))];
  const rows = await db.exerciseVariant.findMany({
    where: { userId, exerciseSlug: slug, seed: { in: seeds } },
    select: { seed: true, tries: true, revealedAt: true, revealedBecause: true },
  });
  const states = new Map(rows.map((r) => [r.seed, r]));
  const variants = seeds.map((seed): VariantHistory => {
    const status = variantStatus(states.get(seed) ?? FRESH_VARIANT);
    const mine = recent.filter((a) => a.seed === seed).reverse();
    return {
      seed,
      variant: { ...status, message: describeVariant(status) },
      attempts: mine.map((a) => ({
        id: a.id,
        createdAt: a.createdAt,
        score: a.score,
        correct: a.correct,
        afterReveal: a.afterReveal,
        credited: a.correct && !a.afterReveal,
        mistakes: a.misconceptions.map((code) => ({ code, name: misconceptionName(code, messages.get(code)) })),
        steps: stepMarks(exercise.steps, a.id, a.steps),
      })),
    };
  });
  const bySteps = new Map(accuracy.map((r) => [r.step, r]));
  const steps = exercise.steps.map((s): StepAccuracy => {
    const row = bySteps.get(s.key);
    const tried = row?.tried ?? 0;
    const right = row?.right ?? 0;
    return { step: s.key, label: s.label, tried, right, accuracy: tried === 0 ? null : round4(right / tried) };
  });
  return { exercise: slug, title: exercise.title, variants, steps, totals: { attempts, credited } };
}
