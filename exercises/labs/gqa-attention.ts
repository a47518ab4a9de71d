// Multi-head causal self-attention with grouped-query attention: 8 query
// heads share 2 KV heads. Projections in, Wo out, no norm or residual.
import { denseAttention, float64, type AttentionConfig, type AttentionFaults, type DenseAttentionWeights } from "../../lib/reference";
import { defineLab, type LabVariantDefinition } from "../../lib/labs/define-lab";
import { blockInputs, fromRows, toRows } from "../../lib/labs/lab-data";
import type { Tensor } from "../../lib/labs/lab-types";

const SEQ = 64;
const CONFIG: AttentionConfig = { dModel: 128, nHeads: 8, nKvHeads: 2 };
const D_HEAD = CONFIG.dModel / CONFIG.nHeads;
const GROUP = CONFIG.nHeads / CONFIG.nKvHeads;

type Params = { x: Tensor; weights: { wq: Tensor; wk: Tensor; wv: Tensor; wo: Tensor } };

function generate(seed: number): Params {
  const { x, weights } = blockInputs(seed, { seq: SEQ, ...CONFIG, dFf: 1, swiglu: false, beta: false });
  return { x, weights: { wq: weights.wq, wk: weights.wk, wv: weights.wv, wo: weights.wo } };
}

const attend = (p: Params, faults: AttentionFaults = {}, weights: DenseAttentionWeights = p.weights): Tensor => denseAttention(CONFIG, weights, p.x, faults);

function identity(n: number): Tensor {
  const data = new Float64Array(n * n);
  for (let i = 0; i < n; i++) data[i * n + i] = 1;
  return { shape: [n, n], data };
}

const VARIANTS: LabVariantDefinition<Params>[] = [
  {
    code: "kv-heads-tiled",
    message: `Query head h read KV head h mod ${CONFIG.nKvHeads} (tiled: 0,1,0,1,…). The grouping is contiguous: head h reads KV head ⌊h / ${GROUP}⌋ (0,0,0,0,1,1,1,1), as torch.repeat_interleave / np.repeat along the head axis gives — not np.tile.`,
    output: (p) => attend(p, { kvHeads: "tiled" }),
  },
  {
    code: "no-mask",
    message: "Every position attended to later positions too. Mask keys j > i (score −∞) before the softmax.",
    output: (p) => attend(p, { mask: "none" }),
  },
  {
    code: "upper-triangle",
    message: "Query i attended to keys j ≥ i. Keep the lower triangle: query i sees keys j ≤ i.",
    output: (p) => attend(p, { mask: "upper" }),
  },
  {
    code: "scaled-by-dmodel",
    message: `You divided the scores by √${CONFIG.dModel}. Each head's scores are scaled by 1/√d_head = 1/√${D_HEAD}.`,
    output: (p) => attend(p, { scale: "model" }),
  },
  {
    code: "no-scaling",
    message: `You used q·kᵀ unscaled. Divide each head's scores by √d_head = √${D_HEAD} before the softmax.`,
    output: (p) => attend(p, { scale: "none" }),
  },
  {
    code: "scaled-by-d",
    message: `You divided each head's scores by d_head = ${D_HEAD}. The scale is 1/√d_head = 1/√${D_HEAD}.`,
    output: (p) => attend(p, { scale: "dim" }),
  },
  {
    code: "mask-after-softmax",
    output: (p) => attend(p, { maskAfterSoftmax: true }),
  },
  {
    code: "softmax-wrong-axis",
    message: "Your weights are normalised over queries. The softmax runs over keys: the last axis of each head's [seq, seq] scores.",
    output: (p) => attend(p, { softmaxAxis: "queries" }),
  },
  {
    code: "missing-output-projection",
    message: "You submitted the concatenated head outputs. Multiply them by wo ([128, 128]) to get the layer's output.",
    output: (p) => attend(p, {}, { ...p.weights, wo: identity(CONFIG.dModel) }),
  },
];

export default defineLab<Params>({
  slug: "gqa-attention",
  title: "Multi-head attention with GQA",
  topic: "Attention",
  difficulty: "MEDIUM",
  summary: "Causal multi-head self-attention with 8 query heads sharing 2 key/value heads (grouped-query attention), from projections to Wo.",
  generate,
  inputs: (p) => [
    { name: "x", axes: ["seq", "d_model"], description: "Input activations, one row per position.", tensor: p.x },
    { name: "wq", axes: ["d_model", "n_heads·d_head"], description: "Query projection.", tensor: p.weights.wq },
    { name: "wk", axes: ["d_model", "n_kv_heads·d_head"], description: "Key projection (2 KV heads).", tensor: p.weights.wk },
    { name: "wv", axes: ["d_model", "n_kv_heads·d_head"], description: "Value projection (2 KV heads).", tensor: p.weights.wv },
    { name: "wo", axes: ["n_heads·d_head", "d_model"], description: "Output projection.", tensor: p.weights.wo },
  ],
  output: { name: "out", axes: ["seq", "d_model"], description: "Attention output after wo.", shape: () => [SEQ, CONFIG.dModel] },
  task: () =>
    `Project $Q = xW_q$, $K = xW_k$, $V = xW_v$; split Q into ${CONFIG.nHeads} heads and K, V into ${CONFIG.nKvHeads} heads of width ${D_HEAD}; ` +
    `run causal softmax attention per query head against its KV head; concatenate the ${CONFIG.nHeads} head outputs and multiply by $W_o$. ` +
    `Submit the [${SEQ}, ${CONFIG.dModel}] result.`,
  conventions: () => [
    `Row vectors: projections are x·W with W: [in, out]; no biases. x is [${SEQ}, ${CONFIG.dModel}].`,
    `d_head = d_model / n_heads = ${D_HEAD}. Query head h owns columns h·${D_HEAD} … h·${D_HEAD}+${D_HEAD - 1} of Q; KV head g owns the same column range of K and V.`,
    `Grouping: query head h reads KV head ⌊h / (n_heads / n_kv_heads)⌋ = ⌊h / ${GROUP}⌋, so heads 0–${GROUP - 1} share KV head 0 and heads ${GROUP}–${CONFIG.nHeads - 1} share KV head 1.`,
    `Scores per head: q·kᵀ / √d_head = / √${D_HEAD}; causal mask: query i sees keys j ≤ i (masked weight exactly 0).`,
    "Softmax over keys (the last axis). Head outputs are concatenated in head order (head 0 first) before wo.",
    "No RoPE, no norm, no residual in this lab.",
  ],
  scalars: () => ({ seq: SEQ, d_model: CONFIG.dModel, n_heads: CONFIG.nHeads, n_kv_heads: CONFIG.nKvHeads, d_head: D_HEAD }),
  reference: (p) => attend(p),
  float64Reference: (p) =>
    fromRows(
      float64.causalAttention(CONFIG, { wq: toRows(p.weights.wq), wk: toRows(p.weights.wk), wv: toRows(p.weights.wv), wo: toRows(p.weights.wo) }, toRows(p.x))
        .output,
    ),
  variants: VARIANTS,
  shapeHint: (_p, actual) => headShapeHint(actual),
});

/** Shapes that come from stopping one step early in multi-head attention. */
function headShapeHint(actual: number[]): string | null {
  const [a, b, c] = actual;
  if (actual.length === 2 && a === SEQ && b === D_HEAD) return "one head's output instead of the concatenation of all 8 heads (then × wo)?";
  if (actual.length === 3 && a === CONFIG.nHeads && b === SEQ && c === D_HEAD)
    return "per-head outputs: concatenate them along the feature axis (head 0 first) and multiply by wo.";
  if (actual.length === 3 && a === CONFIG.nHeads && b === SEQ && c === SEQ)
    return "those are the attention weights. Multiply them by V, concatenate the heads and apply wo.";
  return null;
}
