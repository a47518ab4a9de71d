// The shapes a drawing answer may take on the wire, held to the caps in
// drawing-limits.ts.
// Parsed once at the edge; the prompt then checks the answer against the
// variant (grid size, part ids, rubric keys) before grading.
import { z } from "zod";
import { SeedParamSchema, SeedSchema } from "../http/seed-schema";
import { textSchema } from "../http/text-schema";
import { PART_TYPES } from "./assembly-graph";
import { MAX_GRID, MAX_SKETCH_POINTS, MAX_STROKE_POINTS, MAX_STROKES, SKETCH_SIZE } from "./drawing-limits";

const SlugSchema = z
  .string()
  .regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, "Not a prompt slug")
  .max(80);
const PartIdSchema = textSchema(24).regex(/^[a-z0-9-]{1,24}$/, "Part ids are 1–24 lowercase letters, digits or hyphens");
const Coordinate = z.number().int().min(0).max(SKETCH_SIZE);

export const MaskAnswerSchema = z
  .object({
    kind: z.literal("mask-grid"),
    grid: z.array(z.array(z.boolean()).max(MAX_GRID)).min(1).max(MAX_GRID).describe("Rows are queries, columns keys; true = may attend."),
  })
  .strict();

export const AssemblyAnswerSchema = z
  .object({
    kind: z.literal("assembly"),
    nodes: z
      .array(z.object({ id: PartIdSchema, type: z.enum(PART_TYPES) }).strict())
      .min(2)
      .max(16)
      .describe("Placed parts, the input and output included."),
    edges: z
      .array(z.object({ from: PartIdSchema, to: PartIdSchema }).strict())
      .max(32)
      .describe("Wires: `from`'s output feeds `to`."),
  })
  .strict();

export const SketchAnswerSchema = z
  .object({
    kind: z.literal("sketch"),
    strokes: z
      .array(
        z
          .array(z.tuple([Coordinate, Coordinate]))
          .min(1)
          .max(MAX_STROKE_POINTS),
      )
      .min(1, "Draw something first")
      .max(MAX_STROKES)
      .refine((s) => s.reduce((n, stroke) => n + stroke.length, 0) <= MAX_SKETCH_POINTS, `At most ${MAX_SKETCH_POINTS} points in all`)
      .describe("Pen strokes, each a list of [x, y] points on a 1000 × 1000 pad."),
    ticked: z
      .array(textSchema(40).regex(/^[a-z0-9-]{1,40}$/, "Rubric keys are 1–40 lowercase letters, digits or hyphens"))
      .max(20)
      .describe("Rubric keys the learner ticked after comparing with the reference."),
  })
  .strict();

export const DrawingAnswerSchema = z.discriminatedUnion("kind", [MaskAnswerSchema, AssemblyAnswerSchema, SketchAnswerSchema]);
export type DrawingAnswer = z.infer<typeof DrawingAnswerSchema>;
export type MaskAnswer = z.infer<typeof MaskAnswerSchema>;
export type AssemblyAnswer = z.infer<typeof AssemblyAnswerSchema>;
export type SketchAnswer = z.infer<typeof SketchAnswerSchema>;

export const DrawingParamsSchema = z.object({ slug: SlugSchema });

export const DrawingAttemptBodySchema = z
  .object({
    id: z.uuid().describe("Client-generated attempt id; a retry with the same id is stored once."),
    seed: SeedSchema.describe("The variant drawn."),
    answer: DrawingAnswerSchema,
    durationMs: z.number().int().min(0).max(86_400_000).optional(),
  })
  .strict();
export type DrawingAttemptBody = z.infer<typeof DrawingAttemptBodySchema>;

export const DrawingVariantQuerySchema = z.object({ seed: SeedParamSchema.optional() });
