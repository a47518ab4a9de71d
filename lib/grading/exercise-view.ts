// What learners and API clients see of an exercise: its metadata, and a
// variant (the learner's numbers) without any answer.
import { renderMarkdown } from "../render/markdown";
import type { Exercise } from "./exercise-definition";

export type StepView = { key: string; label: string; unit: string | null; shape: Exercise["steps"][number]["answer"]["shape"] };

export type ExerciseSummary = { slug: string; title: string; topic: string; difficulty: Exercise["difficulty"]; steps: StepView[] };

export type VariantView = ExerciseSummary & { seed: number; prompt: string; promptHtml: string; inputs: Record<string, unknown> };

/** Largest seed a variant may use (seeds are stored as 32-bit integers). */
export const MAX_SEED = 2_147_483_647;

export function toExerciseSummary(exercise: Exercise): ExerciseSummary {
  return {
    slug: exercise.slug,
    title: exercise.title,
    topic: exercise.topic,
    difficulty: exercise.difficulty,
    steps: exercise.steps.map((s) => ({ key: s.key, label: s.label, unit: s.answer.unit ?? null, shape: s.answer.shape })),
  };
}

/** The variant for `seed`: prompt and inputs in the learner's numbers, no reference values. */
export function toVariantView(exercise: Exercise, seed: number): VariantView {
  const { prompt, inputs } = exercise.variant(seed);
  return { ...toExerciseSummary(exercise), seed, prompt, promptHtml: renderMarkdown(prompt), inputs };
}
