// Assemble the post-norm block (the original 2017 layout), graded on wiring.
import { defineAssemblyPrompt } from "../../lib/drawing/assembly-prompt";
import { hasWire, missingAdd, POSTNORM_BLOCK, PRENORM_BLOCK } from "./block-graphs";

export default defineAssemblyPrompt({
  slug: "postnorm-block-assembly",
  title: "Assemble a post-norm block",
  topic: "The transformer block",
  difficulty: "HARD",
  prompt:
    "Build one **post-norm** transformer block (the original 2017 and BERT layout) from its parts: two norms, attention, the FFN and two residual adds, " +
    "between the block input $x$ and the block output. Wire every input: each add takes two.",
  reference: POSTNORM_BLOCK,
  mistakes: [
    {
      code: "prenorm-for-postnorm",
      message: "That is the pre-norm block: its norms sit on the branches. In post-norm each norm comes right after its add, on the stream itself.",
      graph: PRENORM_BLOCK,
    },
    {
      code: "shortcut-skips-norm",
      message:
        "The second shortcut starts before the first norm. In post-norm the stream itself passes through each norm, so the next shortcut starts at the norm's output.",
      test: (g) => hasWire(g, "add", "add"),
    },
    {
      code: "missing-add",
      message: "Each sublayer needs its own residual add: one after attention, one after the FFN.",
      test: missingAdd,
    },
  ],
});
