// The server's JSON replies as the CLI reads them, parsed once on arrival.
import { z } from "zod";

const ShapeSchema = z.union([z.literal("scalar"), z.object({ vector: z.number() }), z.object({ matrix: z.tuple([z.number(), z.number()]) })]);

const StepViewSchema = z.object({ key: z.string(), label: z.string(), unit: z.string().nullable(), shape: ShapeSchema });

const ExerciseSummarySchema = z.object({
  slug: z.string(),
  title: z.string(),
  topic: z.string(),
  difficulty: z.string(),
  steps: z.array(StepViewSchema),
});

export const ExercisesReplySchema = z.object({ exercises: z.array(ExerciseSummarySchema) });

export const VariantReplySchema = ExerciseSummarySchema.extend({
  seed: z.number().int(),
  prompt: z.string(),
  inputs: z.record(z.string(), z.unknown()),
});

const ExpectedSchema = z.union([z.number(), z.array(z.number()), z.array(z.array(z.number()))]);

const VariantReportSchema = z.object({
  tries: z.number(),
  triesAllowed: z.number(),
  triesLeft: z.number(),
  revealed: z.boolean(),
  revealedBecause: z.enum(["PASSED", "REQUESTED", "TRIES_USED", "SINGLE_TRY"]).nullable(),
  message: z.string(),
});

export const GradeReplySchema = z.object({
  score: z.number(),
  correct: z.boolean(),
  steps: z.array(
    z.object({
      step: z.string(),
      score: z.number(),
      correct: z.boolean().optional(),
      expected: ExpectedSchema.optional(),
      feedback: z.string(),
      misconception: z.object({ code: z.string(), message: z.string() }).optional(),
    }),
  ),
  misconceptions: z.array(z.string()),
  backend: z.string(),
  ms: z.number(),
  stored: z.boolean(),
  duplicate: z.boolean(),
  afterReveal: z.boolean(),
  credited: z.boolean(),
  variant: VariantReportSchema,
});

export const RevealReplySchema = z.object({
  exercise: z.string(),
  seed: z.number(),
  variant: VariantReportSchema,
  expected: z.array(z.object({ step: z.string(), label: z.string(), expected: ExpectedSchema })).optional(),
});

export const HistoryReplySchema = z.object({
  exercise: z.string(),
  title: z.string(),
  variants: z.array(
    z.object({
      seed: z.number(),
      variant: VariantReportSchema,
      attempts: z.array(
        z.object({
          score: z.number(),
          correct: z.boolean(),
          afterReveal: z.boolean(),
          credited: z.boolean(),
          mistakes: z.array(z.object({ code: z.string(), name: z.string() })),
          steps: z.array(z.object({ step: z.string(), correct: z.boolean() })).default([]),
        }),
      ),
    }),
  ),
  steps: z.array(z.object({ step: z.string(), label: z.string(), tried: z.number(), right: z.number(), accuracy: z.number().nullable() })),
  totals: z.object({ attempts: z.number(), credited: z.number() }),
});

const StatsStepSchema = z.object({ step: z.string(), label: z.string(), tried: z.number(), right: z.number(), accuracy: z.number().nullable() });

export const StatsReplySchema = z.object({
  exercise: z.string(),
  title: z.string(),
  kind: z.enum(["exercise", "drawing"]),
  minimumLearners: z.number(),
  shown: z.boolean(),
  message: z.string(),
  figures: z
    .object({
      learners: z.number(),
      attempts: z.number(),
      afterReveal: z.number(),
      firstTry: z.object({ variants: z.number(), passed: z.number(), accuracy: z.number().nullable() }),
      mistakes: z.array(z.object({ code: z.string(), name: z.string(), attempts: z.number(), learners: z.number() })),
      steps: z.array(StatsStepSchema),
      hardestStep: StatsStepSchema.nullable(),
    })
    .nullable(),
});

export const ErrorReplySchema = z.object({
  error: z.object({
    code: z.string(),
    message: z.string(),
    issues: z
      .array(z.object({ path: z.string(), message: z.string().optional() }))
      .optional()
      .describe("An issue without a message is the one the message already states."),
  }),
});

export type ExercisesReply = z.infer<typeof ExercisesReplySchema>;
export type VariantReply = z.infer<typeof VariantReplySchema>;
export type GradeReply = z.infer<typeof GradeReplySchema>;
export type RevealReply = z.infer<typeof RevealReplySchema>;
export type HistoryReply = z.infer<typeof HistoryReplySchema>;
export type StatsReply = z.infer<typeof StatsReplySchema>;
export type ErrorReply = z.infer<typeof ErrorReplySchema>;
export type Shape = z.infer<typeof ShapeSchema>;
