// Request shapes of the grading API.
import { z } from "zod";
import { MAX_ANSWER_LENGTH } from "../answers";
import { SeedParamSchema, SeedSchema } from "../http/seed-schema";
import { textSchema } from "../http/text-schema";

const SlugSchema = z
  .string()
  .regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, "Not an exercise slug")
  .max(80);

/** Typed answers by step key: at most 20, each key and text storable (see textSchema). */
export const AnswersSchema = z.record(textSchema(40), textSchema(MAX_ANSWER_LENGTH)).refine((a) => Object.keys(a).length <= 20, "Too many answers");

export const GradePostBodySchema = z
  .object({
    exercise: SlugSchema.describe('Exercise slug, e.g. "layernorm-by-hand".'),
    seed: SeedSchema,
    answers: AnswersSchema.describe('Typed answer per step key, as a person would write it: "-1.2247", "sqrt(10)", "15.6 MiB".'),
    id: z.uuid().optional().describe("Client-generated attempt id; a retry with the same id is not stored twice."),
    durationMs: z.number().int().min(0).max(86_400_000).optional(),
  })
  .strict();

export const ExerciseParamsSchema = z.object({ slug: SlugSchema });
export const VariantQuerySchema = z.object({ seed: SeedParamSchema.optional() });

export const RevealPostBodySchema = z.object({ seed: SeedSchema.describe("The variant whose answers to show; it is finished from then on.") }).strict();
