// The stored grade (lab_submission.result, a JSON column) as zod reads it
// back: the LabGradeResult the worker wrote, checked field by field, so a
// row that does not match is an error where it is read, not a wrong page.
import { z } from "zod";
import type { LabGradeResult } from "../lab-types";

/**
 * An error magnitude. JSON has no Infinity, so one that overflowed (|a − e|
 * of two huge finite values) was written as null; errors are ≥ 0, so it
 * reads back as +Infinity.
 */
const ErrorMagnitude = z.union([z.number(), z.null().transform(() => Number.POSITIVE_INFINITY)]);

const WorstPositionSchema = z.object({
  index: z.array(z.number().int()),
  expected: z.number(),
  actual: z.number(),
  absError: ErrorMagnitude,
});

const DiagnosisSchema = z.object({
  code: z.string(),
  family: z.string().optional(),
  title: z.string(),
  message: z.string(),
  maxAbsError: ErrorMagnitude,
  alsoPossible: z.object({ code: z.string(), family: z.string().optional(), title: z.string() }).optional(),
});

export const LabGradeResultSchema = z.object({
  passed: z.boolean(),
  expectedShape: z.array(z.number().int()),
  actualShape: z.array(z.number().int()),
  shapeMessage: z.string().optional(),
  maxAbsError: z.number().nullable(),
  maxRelError: z.number().nullable(),
  tolerance: z.object({ abs: z.number(), rel: z.number() }),
  toleranceUsed: z
    .object({
      atol: z.number(),
      rtol: z.number(),
      rule: z.string(),
      worstRatio: z.number().nullable(),
      worstMargin: z.number().nullable(),
      worstAt: z.array(z.number().int()).nullable(),
    })
    .optional(),
  mismatched: z.number().int(),
  size: z.number().int(),
  worst: z.array(WorstPositionSchema),
  nonFinite: z.object({ nan: z.number().int(), posInf: z.number().int(), negInf: z.number().int(), first: z.array(z.array(z.number().int())) }),
  diagnosis: DiagnosisSchema.nullable(),
  summary: z.string(),
  backend: z.string(),
  gradingMs: z.number(),
}) satisfies z.ZodType<LabGradeResult, unknown>;
