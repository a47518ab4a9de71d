// Builds a mask-grid drawing prompt from its generator and known wrong masks.
import type { DrawingPrompt } from "./drawing-prompt";
import { kindIssue } from "./drawing-prompt";
import { gradeMask, maskShapeIssue, referenceMask, type Mask, type MaskKind, type MaskParams } from "./mask-grid";

/** The grid convention, shown with every mask prompt. */
export const MASK_CONVENTION =
  "Rows are **queries** $i$ (top to bottom), columns are **keys** $j$ (left to right), both 0-based. Fill a cell when query $i$ **may attend** to key $j$.";

export type MaskPromptDefinition = {
  slug: string;
  title: string;
  difficulty: DrawingPrompt["difficulty"];
  maskKind: MaskKind;
  /** Seed → sizes. Must keep every wrong mask different from the reference and from each other. */
  generate: (seed: number) => MaskParams;
  /** Markdown stating the numbers; the grid convention is appended. */
  prompt: (p: MaskParams) => string;
  wrongMasks: { code: string; message: string; mask: (p: MaskParams) => Mask }[];
};

/** Seals a mask prompt: "Attention masks" topic, graded by the app cell by cell. */
export function defineMaskPrompt(def: MaskPromptDefinition): DrawingPrompt {
  return {
    slug: def.slug,
    title: def.title,
    topic: "Attention masks",
    difficulty: def.difficulty,
    kind: "mask-grid",
    backend: "drawing",
    misconceptions: [...new Map(def.wrongMasks.map((m) => [m.code, { code: m.code, message: m.message }])).values()],
    variant: (seed) => {
      const p = def.generate(seed);
      return {
        prompt: `${def.prompt(p)}\n\n${MASK_CONVENTION}`,
        setup: { kind: "mask-grid", n: p.n, maskKind: p.kind, window: p.window ?? null, prefix: p.prefix ?? null },
      };
    },
    check: (seed, answer) => kindIssue("mask-grid", answer) ?? (answer.kind === "mask-grid" ? maskShapeIssue(answer.grid, def.generate(seed).n) : null),
    grade: (seed, answer) => {
      const p = def.generate(seed);
      const grid = answer.kind === "mask-grid" ? answer.grid : [];
      return gradeMask(
        referenceMask(p),
        grid,
        def.wrongMasks.map((m) => ({ code: m.code, message: m.message, mask: m.mask(p) })),
      );
    },
  };
}
