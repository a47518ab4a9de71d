// What the learner's browser gets for one drawing variant: the prompt as HTML
// and the setup for the drawing UI. Masks and graphs carry no answer; a
// sketch's reference travels with it because the learner grades themselves.
import { renderMarkdown } from "../render/markdown";
import type { DrawingPrompt, DrawingSetup } from "./drawing-prompt";

export type DrawingSummary = Pick<DrawingPrompt, "slug" | "title" | "topic" | "difficulty" | "kind">;

export type DrawingView = DrawingSummary & { seed: number; prompt: string; promptHtml: string; setup: DrawingSetup };

export function toDrawingSummary(prompt: DrawingPrompt): DrawingSummary {
  return { slug: prompt.slug, title: prompt.title, topic: prompt.topic, difficulty: prompt.difficulty, kind: prompt.kind };
}

/** The variant for `seed` (0 … MAX_SEED): same seed, same view. */
export function toDrawingView(prompt: DrawingPrompt, seed: number): DrawingView {
  const { prompt: text, setup } = prompt.variant(seed);
  return { ...toDrawingSummary(prompt), seed, prompt: text, promptHtml: renderMarkdown(text), setup };
}
