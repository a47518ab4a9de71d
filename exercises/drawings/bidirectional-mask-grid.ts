// Draw the self-attention mask of an encoder (no padding).
import { defineMaskPrompt } from "../../lib/drawing/mask-prompt";
import { maskFrom } from "../../lib/drawing/mask-grid";
import { between, sizesFor } from "./mask-sizes";

export default defineMaskPrompt({
  slug: "bidirectional-mask-grid",
  title: "Draw an encoder's mask",
  difficulty: "EASY",
  maskKind: "bidirectional",
  generate: (seed) => ({ kind: "bidirectional", n: between(sizesFor(seed), 4, 7) }),
  prompt: (p) => `An **encoder** (BERT-style) runs self-attention over ${p.n} tokens with no padding. Draw its attention mask.`,
  wrongMasks: [
    {
      code: "causal-for-encoder",
      message: "That is a decoder's causal mask. An encoder reads the whole input at once, so every query may attend to every key.",
      mask: (p) => maskFrom(p.n, (i, j) => j <= i),
    },
    {
      code: "diagonal-left-out",
      message: "The diagonal is empty, but a token may attend to itself: an encoder's mask is full.",
      mask: (p) => maskFrom(p.n, (i, j) => i !== j),
    },
  ],
});
