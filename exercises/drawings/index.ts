// The drawing-prompt catalogue: masks, block assemblies and free sketches,
// one file each in this folder.
import type { DrawingPrompt } from "../../lib/drawing/drawing-prompt";
import causalMaskGrid from "./causal-mask-grid";
import slidingWindowMaskGrid from "./sliding-window-mask-grid";
import bidirectionalMaskGrid from "./bidirectional-mask-grid";
import prefixLmMaskGrid from "./prefix-lm-mask-grid";
import prenormBlockAssembly from "./prenorm-block-assembly";
import postnormBlockAssembly from "./postnorm-block-assembly";
import kvCacheDecodeSketch from "./kv-cache-decode-sketch";

export const DRAWING_PROMPTS: readonly DrawingPrompt[] = [
  causalMaskGrid,
  slidingWindowMaskGrid,
  bidirectionalMaskGrid,
  prefixLmMaskGrid,
  prenormBlockAssembly,
  postnormBlockAssembly,
  kvCacheDecodeSketch,
];

const bySlug = new Map(DRAWING_PROMPTS.map((p) => [p.slug, p]));

/** The drawing prompt with this slug, or undefined. */
export function findDrawingPrompt(slug: string): DrawingPrompt | undefined {
  return bySlug.get(slug);
}
