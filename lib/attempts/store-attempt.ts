// Storing an exercise attempt once on its client-generated id, for every kind
// of graded work (numeric exercises, drawings, a grill's numeric items). The
// id is owned by the first request: a retry of it finds the stored row, a
// request reusing the id for other work is refused, and two copies racing
// each other store one row without a unique violation (which would abort a
// surrounding transaction).
import type { Db } from "../db/client";
import type { ExerciseAttempt, Prisma } from "../db/generated/client";
import { conflict } from "../errors/app-error";

/** What an attempt id is bound to: the user, the exercise (or drawing) slug and the variant's seed. */
export type AttemptKey = { attemptId: string; userId: string; slug: string; seed: number };

/** The columns an attempt stores besides its key. */
export type AttemptFields = Omit<Prisma.ExerciseAttemptCreateManyInput, "id" | "userId" | "exerciseSlug" | "seed">;

/** The attempt stored under `key.attemptId`, or null; CONFLICT when that id holds another user's, slug's or seed's attempt. */
export async function selectEarlierAttempt(db: Db, key: AttemptKey): Promise<ExerciseAttempt | null> {
  const earlier = await db.exerciseAttempt.findUnique({ where: { id: key.attemptId } });
  if (earlier && (earlier.userId !== key.userId || earlier.exerciseSlug !== key.slug || earlier.seed !== key.seed)) {
    throw conflict("This attempt id is already in use");
  }
  return earlier;
}

/**
 * Inserts the attempt unless its id is already taken. Returns null when this
 * call stored it, or the row a concurrent copy of the request stored first
 * (CONFLICT as in {@link selectEarlierAttempt} when that row is other work).
 */
export async function insertAttemptOnce(db: Db, key: AttemptKey, fields: AttemptFields): Promise<ExerciseAttempt | null> {
  const { count } = await db.exerciseAttempt.createMany({
    data: [{ ...fields, id: key.attemptId, userId: key.userId, exerciseSlug: key.slug, seed: key.seed }],
    skipDuplicates: true,
  });
  if (count === 1) return null;
  const winner = await selectEarlierAttempt(db, key);
  if (!winner) throw new Error("insertAttemptOnce: the attempt id is taken but no row holds it");
  return winner;
}
