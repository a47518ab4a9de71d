// The labs API's JSON replies as the CLI reads them (only the fields it prints).
import { z } from "zod";

export const LabListReplySchema = z.object({
  labs: z.array(
    z.object({
      slug: z.string(),
      title: z.string(),
      difficulty: z.string(),
      last: z.object({ status: z.string(), passed: z.boolean().nullable() }).nullable(),
    }),
  ),
});

export const LabViewReplySchema = z.object({
  slug: z.string(),
  title: z.string(),
  seed: z.number().int(),
  task: z.string(),
  conventions: z.array(z.string()),
  inputs: z.array(z.object({ name: z.string(), axes: z.array(z.string()), shape: z.array(z.number()), description: z.string() })),
  output: z.object({ name: z.string(), axes: z.array(z.string()), shape: z.array(z.number()), description: z.string() }),
  scalars: z.record(z.string(), z.union([z.number(), z.string(), z.boolean()])),
});

const LabResultSchema = z.object({
  passed: z.boolean(),
  summary: z.string(),
  expectedShape: z.array(z.number()),
  actualShape: z.array(z.number()),
  shapeMessage: z.string().optional(),
  maxAbsError: z.number().nullable(),
  maxRelError: z.number().nullable(),
  tolerance: z.object({ abs: z.number(), rel: z.number() }),
  toleranceUsed: z.object({ rule: z.string(), worstRatio: z.number().nullable(), worstAt: z.array(z.number()).nullable() }).optional(),
  mismatched: z.number(),
  size: z.number(),
  worst: z.array(z.object({ index: z.array(z.number()), expected: z.number(), actual: z.number(), absError: z.number() })),
  nonFinite: z.object({ nan: z.number(), posInf: z.number(), negInf: z.number() }),
  diagnosis: z
    .object({ code: z.string(), title: z.string(), message: z.string(), alsoPossible: z.object({ code: z.string(), title: z.string() }).optional() })
    .nullable(),
  backend: z.string(),
  gradingMs: z.number(),
});

export const SubmissionReplySchema = z.object({
  id: z.string(),
  lab: z.string(),
  seed: z.number(),
  status: z.enum(["QUEUED", "RUNNING", "DONE", "FAILED"]),
  queuedAhead: z.number().nullable(),
  error: z.string().nullable(),
  result: LabResultSchema.nullable(),
  url: z.string(),
});

export type LabListReply = z.infer<typeof LabListReplySchema>;
export type LabViewReply = z.infer<typeof LabViewReplySchema>;
export type SubmissionReply = z.infer<typeof SubmissionReplySchema>;
