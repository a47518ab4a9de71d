// Request shapes of the grading API.
import { z } from "zod";
import { MAX_ANSWER_LENGTH } from "../answers";
import { MAX_SEED } from "../grading/exercise-view";

const SlugSchema = z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, "Not an exercise slug").max(80);
const SeedSchema = z.coerce.number().int().min(0).max(MAX_SEED).describe("Variant seed: the same seed gives the same numbers.");

export const GradePostBodySchema = z
  .object({
    exercise: SlugSchema.describe("Exercise slug, e.g. \"layernorm-by-hand\"."),
    seed: SeedSchema,
    answers: z
      .record(z.string().max(40), z.string().max(MAX_ANSWER_LENGTH, `An answer is at most ${MAX_ANSWER_LENGTH} characters`))
      .refine((a) => Object.keys(a).length <= 20, "Too many answers")
      .describe("Typed answer per step key, as a person would write it: \"-1.2247\", \"sqrt(10)\", \"15.6 MiB\"."),
    id: z.uuid().optional().describe("Client-generated attempt id; a retry with the same id is not stored twice."),
    durationMs: z.number().int().min(0).max(86_400_000).optional(),
  })
  .strict();

export const ExerciseParamsSchema = z.object({ slug: SlugSchema });
export const VariantQuerySchema = z.object({ seed: SeedSchema.optional() });
