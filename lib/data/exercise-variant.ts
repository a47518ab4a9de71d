// Data access for exercise_variant: a learner's tries and reveal per variant.
// A grading workflow locks the row (creating it first) so racing tries on one
// variant are counted one after another.
import { z } from "zod";
import type { Db } from "../db/client";
import { Prisma, type VariantReveal } from "../db/generated/client";
import { queryRows } from "../db/rows";

/** A variant's row: graded tries before the reveal, and the reveal if any. */
export type VariantState = { tries: number; revealedAt: Date | null; revealedBecause: VariantReveal | null };

/** A variant: one user's seed of one exercise. */
export type VariantKey = { userId: string; slug: string; seed: number };

const RevealReasonSchema = z.enum(["PASSED", "REQUESTED", "TRIES_USED", "SINGLE_TRY"]) satisfies z.ZodType<VariantReveal>;
const VariantRow = z.object({ tries: z.number().int(), revealedAt: z.date().nullable(), revealedBecause: RevealReasonSchema.nullable() });

/**
 * The variant's state, its row created at `now` when new and locked FOR
 * UPDATE until the surrounding transaction ends. Call inside a transaction.
 */
export async function lockVariant(db: Db, key: VariantKey, now: Date): Promise<VariantState> {
  await db.exerciseVariant.createMany({ data: [{ userId: key.userId, exerciseSlug: key.slug, seed: key.seed, createdAt: now }], skipDuplicates: true });
  const rows = await queryRows(
    db,
    VariantRow,
    Prisma.sql`SELECT tries, "revealedAt", "revealedBecause"::text AS "revealedBecause" FROM exercise_variant
      WHERE "userId" = ${key.userId} AND "exerciseSlug" = ${key.slug} AND seed = ${key.seed} FOR UPDATE`,
    "lockVariant",
  );
  const row = rows[0];
  if (!row) throw new Error("lockVariant: the variant row vanished after its insert");
  return row;
}

/** The variant's state, or null when the learner has not tried or revealed it. */
export async function selectOptionalVariant(db: Db, key: VariantKey): Promise<VariantState | null> {
  return db.exerciseVariant.findUnique({
    where: { userId_exerciseSlug_seed: { userId: key.userId, exerciseSlug: key.slug, seed: key.seed } },
    select: { tries: true, revealedAt: true, revealedBecause: true },
  });
}

/** Writes the variant's tries and reveal (the row exists: see {@link lockVariant}). */
export async function updateVariant(db: Db, key: VariantKey, state: VariantState): Promise<void> {
  await db.exerciseVariant.update({
    where: { userId_exerciseSlug_seed: { userId: key.userId, exerciseSlug: key.slug, seed: key.seed } },
    data: { tries: state.tries, revealedAt: state.revealedAt, revealedBecause: state.revealedBecause },
  });
}
