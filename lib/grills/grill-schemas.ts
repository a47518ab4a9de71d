// Request shapes of the grill API.
import { z } from "zod";
import { AnswersSchema } from "../attempts/grade-schemas";
import { textSchema } from "../http/text-schema";

/** Longest grill the API starts; the page offers 3, 5, 10 and 15. */
export const MAX_GRILL_LENGTH = 20;
/** Longest typed answer to an interview question, in characters. */
export const MAX_INTERVIEW_ANSWER = 4000;

export const GrillStartBodySchema = z
  .object({
    id: z.uuid().describe("Client-generated grill id; a retry with the same id returns the same grill."),
    moduleId: z.uuid().optional().describe("The module to draw from; default: the first enrolled module with interview questions."),
    length: z.number().int().min(1).max(MAX_GRILL_LENGTH).describe("Number of questions."),
    difficulty: z.enum(["EASY", "MEDIUM", "HARD", "ANY"]).default("ANY"),
    secondsPerItem: z.number().int().min(15).max(900).describe("The clock per question, in seconds."),
  })
  .strict();

export const GrillParamsSchema = z.object({ id: z.uuid("Not a grill id") });

export const GrillItemParamsSchema = z.object({
  id: z.uuid("Not a grill id"),
  position: z.coerce
    .number()
    .int()
    .min(0)
    .max(MAX_GRILL_LENGTH - 1),
});

export const GrillAnswerBodySchema = z
  .object({
    answer: textSchema(MAX_INTERVIEW_ANSWER).optional().describe("Typed answer to an interview question (may be empty)."),
    answers: AnswersSchema.optional().describe("Typed answer per step of a numeric item, as on the exercise page."),
    timeMs: z.number().int().min(0).max(86_400_000).describe("How long the question was on screen, as the client measured it."),
  })
  .strict()
  .refine((b) => (b.answer === undefined) !== (b.answers === undefined), "Send either answer (interview) or answers (numeric)");

export const GrillKeyPointsBodySchema = z
  .object({
    keyPointsHit: z.array(z.number().int().min(0).max(49)).max(50).describe("0-based indices of the key points covered."),
  })
  .strict();

export const GrillHistoryQuerySchema = z.object({ limit: z.coerce.number().int().min(1).max(100).default(30) });
