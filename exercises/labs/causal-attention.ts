// Single-head causal scaled-dot-product attention on given Q, K, V: the core
// of every attention layer, with no projections to get wrong around it.
import { denseScaledDotProductAttention, type AttentionFaults } from "../../lib/reference";
import { defineLab, type LabVariantDefinition } from "../../lib/labs/define-lab";
import { streamFor, uniformTensor } from "../../lib/labs/lab-data";
import type { Tensor } from "../../lib/labs/lab-types";

const SEQ = 64;
const D = 32;

type Params = { q: Tensor; k: Tensor; v: Tensor };

/** Q and K on ±1.5 give scores with a spread of about one, so the softmax is neither flat nor one-hot. */
function generate(seed: number): Params {
  return {
    q: uniformTensor(streamFor(seed, 1), [SEQ, D], 1.5),
    k: uniformTensor(streamFor(seed, 2), [SEQ, D], 1.5),
    v: uniformTensor(streamFor(seed, 3), [SEQ, D], 1),
  };
}

const attend = (p: Params, faults: AttentionFaults = {}): Tensor => denseScaledDotProductAttention(p.q, p.k, p.v, faults);

/** Float64 loops, written independently of the tfjs path, for the cross-check. */
function float64Attention(p: Params): Tensor {
  const at = (t: Tensor, r: number, c: number): number => t.data[r * D + c] ?? 0;
  const out = new Float64Array(SEQ * D);
  for (let i = 0; i < SEQ; i++) {
    const scores = Array.from({ length: i + 1 }, (_, j) => {
      let dot = 0;
      for (let c = 0; c < D; c++) dot += at(p.q, i, c) * at(p.k, j, c);
      return dot / Math.sqrt(D);
    });
    const max = Math.max(...scores);
    const exps = scores.map((s) => Math.exp(s - max));
    const sum = exps.reduce((a, b) => a + b, 0);
    exps.forEach((e, j) => {
      for (let c = 0; c < D; c++) out[i * D + c] = (out[i * D + c] ?? 0) + (e / sum) * at(p.v, j, c);
    });
  }
  return { shape: [SEQ, D], data: out };
}

const VARIANTS: LabVariantDefinition<Params>[] = [
  {
    code: "no-mask",
    message: "Every query attended to every key, including later positions. Mask keys j > i (set their scores to −∞ before the softmax).",
    output: (p) => attend(p, { mask: "none" }),
  },
  {
    code: "upper-triangle",
    message:
      "Query i attended to keys j ≥ i (the future and itself) instead of j ≤ i. Use the lower triangle: mask where j > i (np.triu(..., k=1) marks the masked part).",
    output: (p) => attend(p, { mask: "upper" }),
  },
  {
    code: "mask-after-softmax",
    message: "You took the softmax over all keys and then zeroed the future ones, so the weights no longer sum to 1. Mask the scores (−∞) before the softmax.",
    output: (p) => attend(p, { maskAfterSoftmax: true }),
  },
  {
    code: "no-scaling",
    message: `You used q·kᵀ without dividing by √d = √${D}. Scale the scores before the softmax.`,
    output: (p) => attend(p, { scale: "none" }),
  },
  {
    code: "scaled-by-d",
    message: `You divided the scores by d = ${D}. The scale is 1/√d = 1/√${D}: the square root keeps the scores' spread near 1.`,
    output: (p) => attend(p, { scale: "dim" }),
  },
  {
    code: "softmax-wrong-axis",
    message: "Your weights sum to 1 down each column (over queries). The softmax runs along each row, over the keys (the last axis of the [seq, seq] scores).",
    output: (p) => attend(p, { softmaxAxis: "queries" }),
  },
];

export default defineLab<Params>({
  slug: "causal-attention",
  title: "Causal scaled-dot-product attention",
  topic: "Attention",
  difficulty: "EASY",
  summary: "Given Q, K and V for 64 positions, compute single-head causal attention softmax(QKᵀ/√d + mask)·V.",
  generate,
  inputs: (p) => [
    { name: "q", axes: ["seq", "d"], description: "Queries, one row per position.", tensor: p.q },
    { name: "k", axes: ["seq", "d"], description: "Keys, one row per position.", tensor: p.k },
    { name: "v", axes: ["seq", "d"], description: "Values, one row per position.", tensor: p.v },
  ],
  output: { name: "out", axes: ["seq", "d"], description: "Attention output: row i is the weighted sum of value rows 0..i.", shape: () => [SEQ, D] },
  task: () =>
    `Compute $\\mathrm{softmax}\\!\\left(\\frac{QK^\\top}{\\sqrt{d}} + M\\right)V$ for the ${SEQ} positions, ` +
    `where $M_{ij} = 0$ if $j \\le i$ and $-\\infty$ otherwise. Submit the [${SEQ}, ${D}] result.`,
  conventions: () => [
    `Shapes: \`q\`, \`k\`, \`v\` are [${SEQ}, ${D}] row-major (row = position). Scores are q·kᵀ: [${SEQ}, ${SEQ}], row = query, column = key.`,
    `Scale the scores by 1/√d = 1/√${D} before the softmax.`,
    "Causal mask: query i sees keys j ≤ i (itself included). A masked key gets weight exactly 0, as a score of −∞ would give.",
    "Softmax along each row (over keys, the last axis); each row of weights sums to 1.",
    "Single head, no projections, no bias.",
  ],
  scalars: () => ({ seq: SEQ, d: D, scale: 1 / Math.sqrt(D) }),
  reference: (p) => attend(p),
  float64Reference: float64Attention,
  variants: VARIANTS,
  shapeHint: (_p, actual) =>
    actual.length === 2 && actual[0] === SEQ && actual[1] === SEQ
      ? "that is the [seq, seq] weight matrix. Multiply the weights by v and submit the [seq, d] result."
      : null,
});
