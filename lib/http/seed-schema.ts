// The one seed schema: every route that takes a variant, prompt or lab seed
// parses it here. A JSON body takes a number only (no null, list, boolean or
// text); a query string takes decimal digits only (no "0x10", "1e3", "-1",
// " 1" or ""), which Number() and z.coerce would all have let through.
import { z } from "zod";
import { MAX_SEED } from "../grading/exercise-view";

const SEED_RULE = `a seed is a whole number from 0 to ${MAX_SEED}`;

/** The rule, led by "seed is missing" when no seed was given at all. */
const seedError = (issue: { input?: unknown }): string => (issue.input === undefined ? `seed is missing: ${SEED_RULE}` : SEED_RULE);

/** A seed in a JSON body: a non-negative safe integer up to MAX_SEED. */
export const SeedSchema = z
  .number({ error: seedError })
  .int({ error: SEED_RULE })
  .min(0, { error: SEED_RULE })
  .max(MAX_SEED, { error: SEED_RULE })
  .describe("Variant seed: the same seed gives the same numbers.");

/** A seed in a query string: 1–10 decimal digits, then the same bounds as SeedSchema. */
export const SeedParamSchema = z
  .string({ error: seedError })
  .regex(/^[0-9]{1,10}$/, { error: `${SEED_RULE}, written in decimal digits` })
  .transform(Number)
  .pipe(SeedSchema);
