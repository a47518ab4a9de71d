// What a drawing prompt is: a seeded variant (prompt text plus what the
// drawing UI needs), a check that an answer fits the variant, and a grader.
// One file per prompt under exercises/drawings/, built with defineMaskPrompt,
// defineAssemblyPrompt or defineSketchPrompt.
import type { PartType } from "./assembly-graph";
import type { DrawingGrade, DrawingMisconception } from "./drawing-grade";
import type { DrawingAnswer } from "./drawing-schemas";
import type { MaskKind } from "./mask-grid";

/** Tap cells of an n × n grid (rows = queries, columns = keys). */
export type MaskSetup = { kind: "mask-grid"; n: number; maskKind: MaskKind; window: number | null; prefix: number | null };
/** Place parts from a palette and wire their inputs. */
export type AssemblySetup = { kind: "assembly"; palette: { type: PartType; count: number }[] };
/** Draw freely, then compare with the reference and tick the rubric. */
export type SketchSetup = { kind: "sketch"; rubric: { key: string; text: string }[]; referenceSvg: string; referenceCaption: string };
export type DrawingSetup = MaskSetup | AssemblySetup | SketchSetup;
export type DrawingKind = DrawingSetup["kind"];

export type DrawingPrompt = {
  slug: string;
  title: string;
  topic: string;
  difficulty: "EASY" | "MEDIUM" | "HARD";
  kind: DrawingKind;
  /** Stored as the attempt's backend: "drawing" when the app grades, "self-check" when the learner does. */
  backend: "drawing" | "self-check";
  /** The mistakes it names, each once, with the words a learner reads for it. */
  misconceptions: DrawingMisconception[];
  /** Seed → markdown prompt in the learner's numbers and the UI setup. Pure. */
  variant: (seed: number) => { prompt: string; setup: DrawingSetup };
  /** Why this answer cannot be graded for this seed (wrong kind, size, ids, keys), or null. */
  check: (seed: number, answer: DrawingAnswer) => string | null;
  /** Grades an answer that passed `check`. Pure. */
  grade: (seed: number, answer: DrawingAnswer) => DrawingGrade;
};

/** Where workflows look a prompt up by slug: the app's catalogue (lib/catalogue) or a test's own. */
export type DrawingPromptLookup = { findDrawingPrompt(slug: string): DrawingPrompt | undefined };

/** The problem when an answer is for another kind of drawing, or null. */
export function kindIssue(expected: DrawingKind, answer: DrawingAnswer): string | null {
  return answer.kind === expected ? null : `This prompt takes a ${expected} answer, not ${answer.kind}`;
}
