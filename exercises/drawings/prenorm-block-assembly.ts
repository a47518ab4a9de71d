// Assemble the pre-norm block from its parts, graded on wiring.
import { defineAssemblyPrompt } from "../../lib/drawing/assembly-prompt";
import type { BlockGraph } from "../../lib/drawing/assembly-graph";
import { hasWire, missingAdd, POSTNORM_BLOCK, PRENORM_BLOCK } from "./block-graphs";

/** A norm on the stream: it feeds the block output, or feeds no sublayer at all. */
function feedsOnlyStream(g: BlockGraph, normId: string): boolean {
  const readers = g.edges.filter((e) => e.from === normId).map((e) => g.nodes.find((n) => n.id === e.to)?.type);
  return readers.includes("output") || !readers.some((t) => t === "attention" || t === "ffn");
}

export default defineAssemblyPrompt({
  slug: "prenorm-block-assembly",
  title: "Assemble a pre-norm block",
  topic: "The transformer block",
  difficulty: "HARD",
  prompt:
    "Build one **pre-norm** transformer block (GPT-2 and Llama style) from its parts: two norms, attention, the FFN and two residual adds, " +
    "between the block input $x$ and the block output. Wire every input: each add takes two.",
  reference: PRENORM_BLOCK,
  mistakes: [
    {
      code: "postnorm-for-prenorm",
      message:
        "That is the post-norm block: the norms sit on the stream after each add. In pre-norm each norm reads a copy of the stream before its sublayer, and the shortcut skips it.",
      graph: POSTNORM_BLOCK,
    },
    {
      code: "shortcut-from-norm",
      message: "An add takes the normalized copy as its shortcut. The shortcut carries the raw stream: add the sublayer's output to what went into the norm.",
      test: (g) => hasWire(g, "norm", "add"),
    },
    {
      code: "norm-after-add",
      message: "A norm sits on the stream after an add. In pre-norm the stream is never normalized inside the block; the norms only feed the sublayers.",
      test: (g) => hasWire(g, "add", "norm", (normId) => feedsOnlyStream(g, normId)),
    },
    {
      code: "missing-add",
      message: "Each sublayer needs its own residual add: one after attention, one after the FFN.",
      test: missingAdd,
    },
  ],
});
