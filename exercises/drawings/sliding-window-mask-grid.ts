// Draw a causal sliding-window mask (window w, the query itself included).
import { defineMaskPrompt } from "../../lib/drawing/mask-prompt";
import { maskFrom } from "../../lib/drawing/mask-grid";
import { between, sizesFor } from "./mask-sizes";

/** Keys i − w < j ≤ i: a window of `w` positions ending at the query. */
const window = (n: number, w: number) => maskFrom(n, (i, j) => j <= i && j > i - w);

export default defineMaskPrompt({
  slug: "sliding-window-mask-grid",
  title: "Draw a sliding-window mask",
  difficulty: "MEDIUM",
  maskKind: "sliding-window",
  // w ≤ n − 3 keeps the window, both off-by-one windows and the full causal mask apart.
  generate: (seed) => {
    const random = sizesFor(seed);
    const n = between(random, 6, 8);
    return { kind: "sliding-window", n, window: between(random, 2, n - 3) };
  },
  prompt: (p) =>
    `A decoder uses **causal sliding-window attention** with window $w = ${p.window}$ over ${p.n} tokens (positions $0 … ${p.n - 1}$). ` +
    `A window of $w$ means a query sees $w$ positions in all, **itself included**, and never a later one. Draw the mask.`,
  wrongMasks: [
    {
      code: "causal-not-windowed",
      message: "That is the full causal mask: the window also drops keys more than w − 1 positions back.",
      mask: (p) => window(p.n, p.n),
    },
    {
      code: "window-off-by-one",
      message: "The window is one too wide: w positions in all means the query itself plus the w − 1 keys before it.",
      mask: (p) => window(p.n, (p.window ?? 1) + 1),
    },
    {
      code: "window-off-by-one",
      message: "The window is one too narrow: the query itself counts as one of the w positions, so it sees w − 1 earlier keys, not w − 2.",
      mask: (p) => window(p.n, (p.window ?? 1) - 1),
    },
    {
      code: "diagonal-left-out",
      message: "Each query skips itself and sees w earlier keys. The query's own position is one of the w in the window.",
      mask: (p) => maskFrom(p.n, (i, j) => j < i && j >= i - (p.window ?? 1)),
    },
    {
      code: "window-sees-future",
      message: "The window reaches ahead of the query. A sliding window only drops old keys; it stays causal.",
      mask: (p) => maskFrom(p.n, (i, j) => Math.abs(i - j) < (p.window ?? 1)),
    },
    {
      code: "transposed-mask",
      message: "The band is on the wrong side of the diagonal: query i should see keys i − w + 1 … i, not i … i + w − 1.",
      mask: (p) => maskFrom(p.n, (i, j) => j >= i && j < i + (p.window ?? 1)),
    },
  ],
});
