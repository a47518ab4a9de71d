// Builds a block-assembly drawing prompt from its reference graph and known mistakes.
import type { DrawingPrompt } from "./drawing-prompt";
import { kindIssue } from "./drawing-prompt";
import { graphIssue, PART_TYPES, type ReferenceBlock } from "./assembly-graph";
import { gradeAssembly, type AssemblyMistake } from "./grade-assembly";

export type AssemblyPromptDefinition = {
  slug: string;
  title: string;
  topic: string;
  difficulty: DrawingPrompt["difficulty"];
  /** Markdown task text; the same for every seed (the structure has no numbers). */
  prompt: string;
  reference: ReferenceBlock;
  mistakes: AssemblyMistake[];
};

/**
 * Seals an assembly prompt. The palette offers each part type as many times as
 * the reference uses it, so the learner chooses where parts go, not how many.
 */
export function defineAssemblyPrompt(def: AssemblyPromptDefinition): DrawingPrompt {
  const palette = PART_TYPES.filter((t) => t !== "input" && t !== "output")
    .map((type) => ({ type, count: def.reference.nodes.filter((n) => n.type === type).length }))
    .filter((p) => p.count > 0);
  return {
    slug: def.slug,
    title: def.title,
    topic: def.topic,
    difficulty: def.difficulty,
    kind: "assembly",
    backend: "drawing",
    misconceptions: def.mistakes.map(({ code, message }) => ({ code, message })),
    variant: () => ({ prompt: def.prompt, setup: { kind: "assembly", palette } }),
    check: (_seed, answer) => kindIssue("assembly", answer) ?? (answer.kind === "assembly" ? graphIssue(answer) : null),
    grade: (_seed, answer) =>
      answer.kind === "assembly"
        ? gradeAssembly(def.reference, answer, def.mistakes)
        : { score: 0, correct: false, items: [], misconceptions: [], feedback: "Not a block graph." },
  };
}
