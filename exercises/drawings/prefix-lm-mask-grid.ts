// Draw a prefix-LM mask: bidirectional over the prefix, causal after it.
import { defineMaskPrompt } from "../../lib/drawing/mask-prompt";
import { maskFrom } from "../../lib/drawing/mask-grid";
import { between, sizesFor } from "./mask-sizes";

const prefixMask = (n: number, p: number) => maskFrom(n, (i, j) => j < p || j <= i);

export default defineMaskPrompt({
  slug: "prefix-lm-mask-grid",
  title: "Draw a prefix-LM mask",
  difficulty: "HARD",
  maskKind: "prefix-lm",
  // 3 ≤ p ≤ n − 2 keeps the off-by-one prefixes apart from the plain causal and full masks.
  generate: (seed) => {
    const random = sizesFor(seed);
    const n = between(random, 6, 8);
    return { kind: "prefix-lm", n, prefix: between(random, 3, n - 2) };
  },
  prompt: (p) =>
    `A **prefix LM** reads ${p.n} tokens (positions $0 … ${p.n - 1}$). The first $p = ${p.prefix}$ positions are the prefix (the input), ` +
    `attended **bidirectionally**; the rest are generated **causally**. Draw the mask.`,
  wrongMasks: [
    {
      code: "prefix-treated-causally",
      message: "That is the plain causal mask: inside the prefix every position sees the whole prefix, later ones included.",
      mask: (p) => prefixMask(p.n, 1),
    },
    {
      code: "no-mask",
      message: "Every cell is filled: the generated positions see the future. Only the prefix is bidirectional; after it the mask is causal.",
      mask: (p) => maskFrom(p.n, () => true),
    },
    {
      code: "prefix-off-by-one",
      message: "The prefix block is one position too wide: it covers positions 0 … p − 1, p positions in all.",
      mask: (p) => prefixMask(p.n, (p.prefix ?? 1) + 1),
    },
    {
      code: "prefix-off-by-one",
      message: "The prefix block is one position too narrow: it covers positions 0 … p − 1, p positions in all.",
      mask: (p) => prefixMask(p.n, (p.prefix ?? 1) - 1),
    },
    {
      code: "transposed-mask",
      message: "The grid is transposed: rows are queries and columns keys, so the open prefix is a block of columns on the left, seen by every row.",
      mask: (p) => maskFrom(p.n, (i, j) => i < (p.prefix ?? 1) || i <= j),
    },
  ],
});
