// Builds a free-sketch prompt: the learner draws from memory, then compares
// with the authored reference diagram and ticks the rubric lines they got.
import { quoteInput } from "../errors/quote-input";
import type { DrawingPrompt } from "./drawing-prompt";
import { kindIssue } from "./drawing-prompt";
import { share, type DrawingGrade } from "./drawing-grade";

export type SketchPromptDefinition = {
  slug: string;
  title: string;
  topic: string;
  difficulty: DrawingPrompt["difficulty"];
  prompt: string;
  /** Trusted, authored SVG markup (no scripts), shown after the learner has drawn. */
  referenceSvg: string;
  referenceCaption: string;
  /** What a good sketch shows, one checkable line each; keys are stable kebab-case. */
  rubric: { key: string; text: string }[];
};

/** Self-grading: score = share of rubric lines ticked; passed = all ticked. */
export function gradeSketch(rubric: readonly { key: string; text: string }[], ticked: readonly string[]): DrawingGrade {
  const on = new Set(ticked);
  const items = rubric.map((r) => ({ key: r.key, label: r.text, correct: on.has(r.key), ...(on.has(r.key) ? {} : { problem: "unticked" as const }) }));
  const right = items.filter((i) => i.correct).length;
  const correct = right === rubric.length;
  return {
    score: share(right, rubric.length),
    correct,
    items,
    misconceptions: [],
    feedback: correct ? "Your sketch has every part of the reference." : `Your sketch has ${right} of ${rubric.length} parts of the reference.`,
  };
}

export function defineSketchPrompt(def: SketchPromptDefinition): DrawingPrompt {
  const keys = new Set(def.rubric.map((r) => r.key));
  return {
    slug: def.slug,
    title: def.title,
    topic: def.topic,
    difficulty: def.difficulty,
    kind: "sketch",
    backend: "self-check",
    misconceptions: [],
    variant: () => ({
      prompt: def.prompt,
      setup: { kind: "sketch", rubric: def.rubric, referenceSvg: def.referenceSvg, referenceCaption: def.referenceCaption },
    }),
    check: (_seed, answer) => {
      const kind = kindIssue("sketch", answer);
      if (kind || answer.kind !== "sketch") return kind;
      const unknown = answer.ticked.find((k) => !keys.has(k));
      if (unknown) return `${quoteInput(unknown)} is not a rubric item of this prompt`;
      return new Set(answer.ticked).size === answer.ticked.length ? null : "A rubric item is ticked twice";
    },
    grade: (_seed, answer) => gradeSketch(def.rubric, answer.kind === "sketch" ? answer.ticked : []),
  };
}
