// Draw the causal (decoder) mask for n tokens by tapping cells.
import { defineMaskPrompt } from "../../lib/drawing/mask-prompt";
import { maskFrom } from "../../lib/drawing/mask-grid";
import { between, sizesFor } from "./mask-sizes";

export default defineMaskPrompt({
  slug: "causal-mask-grid",
  title: "Draw the causal mask",
  difficulty: "EASY",
  maskKind: "causal",
  generate: (seed) => ({ kind: "causal", n: between(sizesFor(seed), 4, 7) }),
  prompt: (p) => `A **decoder** runs self-attention over ${p.n} tokens (positions $0 … ${p.n - 1}$). Draw its attention mask.`,
  wrongMasks: [
    {
      code: "transposed-mask",
      message: "That is the upper triangle: every query sees itself and the future. A causal row i keeps the keys j ≤ i, the lower triangle.",
      mask: (p) => maskFrom(p.n, (i, j) => j >= i),
    },
    {
      code: "diagonal-left-out",
      message: "The diagonal is empty, but a token may attend to itself: row i keeps j ≤ i, not j < i.",
      mask: (p) => maskFrom(p.n, (i, j) => j < i),
    },
    {
      code: "no-mask",
      message: "Every cell is filled, which is an encoder's bidirectional mask. A decoder must not see later tokens.",
      mask: (p) => maskFrom(p.n, () => true),
    },
  ],
});
