// A learner's variant as it stands, and revealing its answers on request.
// Revealing finishes the variant (variant-rule.ts); asking twice changes
// nothing, so a retried request is harmless.
import type { Catalogue } from "../catalogue/catalogue";
import type { Db } from "../db/client";
import { inTransaction } from "../db/in-transaction";
import { lockVariant, selectOptionalVariant, updateVariant, type VariantKey } from "../data/exercise-variant";
import { notFound } from "../errors/app-error";
import { quoteInput } from "../errors/quote-input";
import type { ExpectedValue } from "../answers";
import type { Exercise } from "../grading";
import * as float64 from "../reference/float64";
import { afterRevealRequest, describeVariant, FRESH_VARIANT, variantStatus, type VariantState } from "./variant-rule";
import type { VariantReport } from "./grade-attempt";

export type RevealedStep = { step: string; label: string; expected: ExpectedValue };

export type VariantProgress = {
  exercise: string;
  seed: number;
  variant: VariantReport;
  /** The expected value per step; present only once the variant's answers are revealed. */
  expected?: RevealedStep[];
};

function progressOf(exercise: Exercise, seed: number, state: VariantState): VariantProgress {
  const status = variantStatus(state);
  const base = { exercise: exercise.slug, seed, variant: { ...status, message: describeVariant(status) } };
  if (!status.revealed) return base;
  const values = exercise.solve(seed, float64);
  const expected = exercise.steps.flatMap((s) => {
    const value = values[s.key];
    return value === undefined ? [] : [{ step: s.key, label: s.label, expected: value }];
  });
  return { ...base, expected };
}

function findOrThrow(catalogue: Catalogue, slug: string): Exercise {
  const exercise = catalogue.findExercise(slug);
  if (!exercise) throw notFound(`Exercise ${quoteInput(slug)}`);
  return exercise;
}

/** Where the learner's variant stands (tries left, revealed or not), with the answers once revealed. Throws NOT_FOUND. */
export async function loadVariantProgress(db: Db, catalogue: Catalogue, key: VariantKey): Promise<VariantProgress> {
  const exercise = findOrThrow(catalogue, key.slug);
  return progressOf(exercise, key.seed, (await selectOptionalVariant(db, key)) ?? FRESH_VARIANT);
}

/** Shows the variant's answers at `now` and finishes it: attempts from here on earn no credit. Throws NOT_FOUND. */
export async function revealVariant(db: Db, catalogue: Catalogue, key: VariantKey, now: Date): Promise<VariantProgress> {
  const exercise = findOrThrow(catalogue, key.slug);
  const state = await inTransaction(db, async (tx) => {
    const before = await lockVariant(tx, key, now);
    const after = afterRevealRequest(before, now);
    if (after !== before) await updateVariant(tx, key, after);
    return after;
  });
  return progressOf(exercise, key.seed, state);
}
