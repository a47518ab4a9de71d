import { z } from "zod";

/** Longest answer text accepted, in UTF-16 code units; longer input is refused before any parsing. */
export const MAX_ANSWER_LENGTH = 200;

export const AnswerShapeSchema = z
  .union([
    z.literal("scalar"),
    z.object({ vector: z.number().int().positive() }),
    z.object({ matrix: z.tuple([z.number().int().positive(), z.number().int().positive()]) }),
  ])
  .describe('What the exercise expects: "scalar", { vector: n } or { matrix: [rows, cols] }.');

export const AnswerSpecSchema = z
  .object({
    shape: AnswerShapeSchema,
    unit: z.string().min(1).optional().describe('Canonical mathjs unit the answer is converted to (e.g. "bytes", "MiB"); absent for unitless answers.'),
  })
  .describe("How a typed answer is read: its shape and the unit its value is expressed in.");

export const ToleranceSchema = z
  .discriminatedUnion("mode", [
    z.object({
      mode: z.literal("relative"),
      rel: z.number().nonnegative().describe("Allowed |actual − expected| as a fraction of |expected| (0.01 = 1%)."),
      abs: z.number().nonnegative().optional().describe("Allowed |actual − expected| in the answer's unit; either bound suffices."),
    }),
    z.object({
      mode: z.literal("sigfigs"),
      digits: z.number().int().positive().describe("Significant figures the answer must agree to (half a unit in the last place)."),
    }),
    z.object({
      mode: z.literal("decimals"),
      places: z.number().int().nonnegative().describe("Decimal places the answer must agree to (half a unit in the last place)."),
    }),
  ])
  .describe("How close a typed value must be to the expected value.");

export type AnswerShape = z.infer<typeof AnswerShapeSchema>;
export type AnswerSpec = z.infer<typeof AnswerSpecSchema>;
export type Tolerance = z.infer<typeof ToleranceSchema>;

/** The unit the learner typed, kept so a later step can diagnose mix-ups such as MB vs MiB. */
export type TypedUnit = {
  /** Unit symbol as written (e.g. "MB"), or mathjs's rendering when several units were combined. */
  unit: string;
  /** The value expressed in `unit` (e.g. 65.5 for "65.5 MB"). */
  value: number;
};

export type ParseFailureCode =
  | "empty"
  | "too-long"
  | "ambiguous-separator"
  | "syntax"
  | "cannot-evaluate"
  | "disallowed"
  | "unknown-symbol"
  | "unexpected-unit"
  | "wrong-dimension"
  | "missing-number"
  | "not-real"
  | "not-finite"
  | "not-a-number";

export type ParseFailure = { ok: false; code: ParseFailureCode; message: string };

type ParsedCommon = { ok: true /** What was normalised, for display ("Read 1,5 as 1.5"). */; notes: string[] };

export type ParsedScalar = ParsedCommon & {
  kind: "scalar";
  /** In `AnswerSpec.unit` when the spec has one, else a plain number. */
  value: number;
  unit?: TypedUnit;
};
export type ParsedVector = ParsedCommon & { kind: "vector"; values: number[] };
export type ParsedMatrix = ParsedCommon & { kind: "matrix"; values: number[][] };
export type ParsedOk = ParsedScalar | ParsedVector | ParsedMatrix;
export type ParsedAnswer = ParsedOk | ParseFailure;
