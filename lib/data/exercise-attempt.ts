// Data access for exercise_attempt: storing an attempt once on its
// client-generated id, for every kind of graded work (numeric exercises,
// drawings, a grill's numeric items), and reading one back with its JSON
// columns parsed here by the schema of its kind (numeric: below; drawings:
// lib/drawing/record-drawing-attempt.ts). The id is owned by the first
// request: a retry of it finds the stored row, a request reusing the id for
// other work is refused, and two copies racing each other store one row
// without a unique violation (which would abort a surrounding transaction).
import { z } from "zod";
import type { Db } from "../db/client";
import { type ExerciseAttempt, Prisma } from "../db/generated/client";
import { CountColumn, parseStored, queryRows } from "../db/rows";
import { conflict } from "../errors/app-error";
import type { StepGrade } from "../grading";
import { insertAndTallySql, TALLIED_COLUMNS } from "./exercise-tally";

/** What an attempt id is bound to: the user, the exercise (or drawing) slug and the variant's seed. */
export type AttemptKey = { attemptId: string; userId: string; slug: string; seed: number };

/** The columns an attempt stores besides its key and its time. */
export type AttemptFields = {
  answers: Prisma.InputJsonValue;
  steps: Prisma.InputJsonValue;
  score: number;
  correct: boolean;
  misconceptions: string[];
  backend: string;
  gradingMs: number;
  durationMs: number | null;
  afterReveal: boolean;
};

/** How the `answers` and `steps` columns of one kind of attempt are read. */
export type AttemptJson<A, S> = { answers: z.ZodType<A>; steps: z.ZodType<S> };

/** A stored attempt with its JSON columns parsed. */
export type StoredAttempt<A, S> = Omit<ExerciseAttempt, "answers" | "steps"> & { answers: A; steps: S };

const ExpectedValueSchema = z.union([z.number(), z.array(z.number()).readonly(), z.array(z.array(z.number()).readonly()).readonly()]);

/** One numeric step as stored (the parsed value kept with it is not read back). */
export const StoredStepSchema = z.object({
  step: z.string(),
  score: z.number(),
  correct: z.boolean(),
  expected: ExpectedValueSchema.optional(),
  feedback: z.string(),
  off: z.object({ by: z.number(), relative: z.number().nullable() }).optional(),
  wrongElements: z.array(z.array(z.number().int())).optional(),
  misconception: z.object({ code: z.string(), message: z.string(), alsoPossible: z.object({ code: z.string(), title: z.string() }).optional() }).optional(),
  unreadable: z
    .enum([
      "empty",
      "too-long",
      "ambiguous-separator",
      "syntax",
      "cannot-evaluate",
      "disallowed",
      "unknown-symbol",
      "unexpected-unit",
      "wrong-dimension",
      "missing-number",
      "not-real",
      "not-finite",
      "not-a-number",
    ])
    .optional(),
}) satisfies z.ZodType<Omit<StepGrade, "parsed">, unknown>;

/** A numeric exercise's attempt: the typed text per step, and each step's grade. */
export const NumericAttemptJson = {
  answers: z.record(z.string(), z.string()),
  steps: z.array(StoredStepSchema),
} satisfies AttemptJson<Record<string, string>, Omit<StepGrade, "parsed">[]>;

function parsed<A, S>(row: ExerciseAttempt, json: AttemptJson<A, S>): StoredAttempt<A, S> {
  return {
    ...row,
    answers: parseStored(json.answers, row.answers, `exercise_attempt ${row.id} answers`),
    steps: parseStored(json.steps, row.steps, `exercise_attempt ${row.id} steps`),
  };
}

/**
 * The attempt stored under `key.attemptId`, parsed as `json`, or null;
 * CONFLICT when that id holds another user's, slug's or seed's attempt.
 */
export async function selectEarlierAttempt<A, S>(db: Db, key: AttemptKey, json: AttemptJson<A, S>): Promise<StoredAttempt<A, S> | null> {
  const earlier = await db.exerciseAttempt.findUnique({ where: { id: key.attemptId } });
  if (!earlier) return null;
  if (earlier.userId !== key.userId || earlier.exerciseSlug !== key.slug || earlier.seed !== key.seed) {
    throw conflict("This attempt id is already in use");
  }
  return parsed(earlier, json);
}

/**
 * The statement that inserts the attempt made at `now` unless its id is taken
 * and adds it to its learner's tallies (lib/data/exercise-tally.ts); it selects
 * `added`, 1 when it stored the attempt. Exported so a test can EXPLAIN it.
 */
export function insertAttemptSql(key: AttemptKey, fields: AttemptFields, now: Date): Prisma.Sql {
  return insertAndTallySql(Prisma.sql`
    INSERT INTO exercise_attempt (id, "userId", "exerciseSlug", seed, answers, steps, score, correct, misconceptions, backend, "gradingMs",
      "durationMs", "afterReveal", "createdAt")
    VALUES (${key.attemptId}::uuid, ${key.userId}, ${key.slug}, ${key.seed}, ${JSON.stringify(fields.answers)}::jsonb,
      ${JSON.stringify(fields.steps)}::jsonb, ${fields.score}, ${fields.correct}, ${fields.misconceptions}::text[], ${fields.backend},
      ${fields.gradingMs}, ${fields.durationMs}, ${fields.afterReveal}, ${now})
    ON CONFLICT DO NOTHING
    RETURNING ${TALLIED_COLUMNS}`);
}

const AddedRow = z.object({ added: CountColumn });

/**
 * Inserts the attempt, made at `now`, unless its id is already taken, and
 * adds it to its learner's tallies in the same statement; call it in a
 * transaction holding the variant's lock. Returns null when this call stored
 * it, or the row a concurrent copy of the request stored first (CONFLICT as
 * in {@link selectEarlierAttempt} when that row is other work).
 */
export async function insertAttemptOnce<A, S>(
  db: Db,
  key: AttemptKey,
  fields: AttemptFields,
  json: AttemptJson<A, S>,
  now: Date,
): Promise<StoredAttempt<A, S> | null> {
  const [row] = await queryRows(db, AddedRow, insertAttemptSql(key, fields, now), "insert exercise_attempt");
  if (row?.added === 1) return null;
  const winner = await selectEarlierAttempt(db, key, json);
  if (!winner) throw new Error("insertAttemptOnce: the attempt id is taken but no row holds it");
  return winner;
}
