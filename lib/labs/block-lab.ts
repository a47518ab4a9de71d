// Parts shared by the labs built on a whole transformer block (the two
// pre-norm block labs and KV-cache decode): inputs, conventions, the float64
// cross-check, and the bugs any block can have.
import { denseForwardBlock, float64, type BlockConfig, type BlockFaults, type BlockWeights, type DenseBlockWeights, type DenseTensor } from "../reference";
import { blockFaultCases } from "./block-faults";
import { defineLab, type Lab, type LabInput, type LabVariantDefinition } from "./define-lab";
import { blockInputs, fromRows, toRows, type LabBlockWeights } from "./lab-data";
import type { LabSummary, Tensor } from "./lab-types";

/**
 * The learner's inputs (float64, what they download) and the same values as
 * float32, converted once per seed: the reference and every buggy variant of
 * one grading reuse them instead of converting ~1 M weights each run.
 */
export type BlockParams = { x: Tensor; weights: LabBlockWeights; float32: { x: DenseTensor; weights: DenseBlockWeights } };

const toFloat32 = (t: Tensor): DenseTensor => ({ shape: t.shape, data: new Float32Array(t.data) });

/** Seeded `x: [seq, dModel]` and weights for `config`. */
export function generateBlock(config: BlockConfig, seq: number, seed: number): BlockParams {
  const { x, weights: w } = blockInputs(seed, { seq, ...config, swiglu: config.ffn === "swiglu", beta: config.norm === "layernorm" });
  const norm = (n: LabBlockWeights["norm1"]) => (n.beta ? { gamma: toFloat32(n.gamma), beta: toFloat32(n.beta) } : { gamma: toFloat32(n.gamma) });
  const weights32: DenseBlockWeights = {
    wq: toFloat32(w.wq),
    wk: toFloat32(w.wk),
    wv: toFloat32(w.wv),
    wo: toFloat32(w.wo),
    w1: toFloat32(w.w1),
    w2: toFloat32(w.w2),
    ...(w.w3 ? { w3: toFloat32(w.w3) } : {}),
    norm1: norm(w.norm1),
    norm2: norm(w.norm2),
  };
  return { x, weights: w, float32: { x: toFloat32(x), weights: weights32 } };
}

/** The block on the tfjs path, optionally with faults, a changed config or changed (float32) weights. */
export function runBlock(config: BlockConfig, p: BlockParams, faults: BlockFaults = {}, weights: DenseBlockWeights = p.float32.weights): Tensor {
  return denseForwardBlock(config, weights, p.float32.x, faults);
}

/** The learner's (float64) weights in the float64 reference path's row form. */
export function float64BlockWeights(p: BlockParams): BlockWeights {
  const w = p.weights;
  const norm = (n: LabBlockWeights["norm1"]) => (n.beta ? { gamma: n.gamma.data, beta: n.beta.data } : { gamma: n.gamma.data });
  return {
    wq: toRows(w.wq),
    wk: toRows(w.wk),
    wv: toRows(w.wv),
    wo: toRows(w.wo),
    w1: toRows(w.w1),
    w2: toRows(w.w2),
    ...(w.w3 ? { w3: toRows(w.w3) } : {}),
    norm1: norm(w.norm1),
    norm2: norm(w.norm2),
  };
}

/** The same block in float64, through the independent float64 reference path. */
export function float64Block(config: BlockConfig, p: BlockParams): Tensor {
  return fromRows(float64.forwardBlock(config, float64BlockWeights(p), toRows(p.x)).output);
}

/** Every block input with its axes, in the order a learner meets them. */
export function blockInputSpecs(config: BlockConfig, p: BlockParams): LabInput[] {
  const w = p.weights;
  const norm = (i: 1 | 2, n: LabBlockWeights["norm1"]): LabInput[] => [
    { name: `norm${i}_gamma`, axes: ["d_model"], description: `Gain γ of the norm before ${i === 1 ? "attention" : "the FFN"}.`, tensor: n.gamma },
    ...(n.beta
      ? [{ name: `norm${i}_beta`, axes: ["d_model"], description: `Shift β of the norm before ${i === 1 ? "attention" : "the FFN"}.`, tensor: n.beta }]
      : []),
  ];
  return [
    { name: "x", axes: ["seq", "d_model"], description: "Block input (the residual stream), one row per position.", tensor: p.x },
    ...norm(1, w.norm1),
    { name: "wq", axes: ["d_model", "n_heads·d_head"], description: "Query projection.", tensor: w.wq },
    { name: "wk", axes: ["d_model", "n_kv_heads·d_head"], description: "Key projection.", tensor: w.wk },
    { name: "wv", axes: ["d_model", "n_kv_heads·d_head"], description: "Value projection.", tensor: w.wv },
    { name: "wo", axes: ["n_heads·d_head", "d_model"], description: "Attention output projection.", tensor: w.wo },
    ...norm(2, w.norm2),
    {
      name: "w1",
      axes: ["d_model", "d_ff"],
      description: config.ffn === "swiglu" ? "Gate projection (SiLU branch, LLaMA's gate_proj)." : "FFN up projection (GELU branch).",
      tensor: w.w1,
    },
    ...(w.w3 ? [{ name: "w3", axes: ["d_model", "d_ff"], description: "Up projection (linear branch, LLaMA's up_proj).", tensor: w.w3 }] : []),
    { name: "w2", axes: ["d_ff", "d_model"], description: "FFN down projection.", tensor: w.w2 },
  ];
}

/** Markdown bullets: every convention a block's output depends on. */
export function blockConventions(config: BlockConfig, seq: number): string[] {
  const dHead = config.dModel / config.nHeads;
  const group = config.nHeads / config.nKvHeads;
  const norm =
    config.norm === "layernorm"
      ? `LayerNorm over the last axis: (x − mean)/√(var + ε)·γ + β with the population variance (divide by ${config.dModel}), ε = ${config.epsilon.toExponential()} inside the root.`
      : `RMSNorm over the last axis: x/√(mean(x²) + ε)·γ, no mean subtraction, no β, ε = ${config.epsilon.toExponential()} inside the root.`;
  const ffn =
    config.ffn === "gelu"
      ? "FFN on the normalised stream u = Norm2(h): gelu(u·w1)·w2 with the exact erf GELU, gelu(z) = 0.5·z·(1 + erf(z/√2)) (PyTorch's default, not the tanh approximation)."
      : "FFN (SwiGLU) on the normalised stream u = Norm2(h): (silu(u·w1) ⊙ (u·w3))·w2 with silu(z) = z·sigmoid(z); w1 is the gate (SiLU) branch, w3 the linear branch.";
  return [
    `Shapes: x is [${seq}, ${config.dModel}]; row vectors, so projecting a row a is a·W with W: [in, out]; no biases anywhere.`,
    `Pre-norm block: h = x + Attn(Norm1(x)); y = h + FFN(Norm2(h)). Norms apply only to the sublayer inputs, the residual stream is never normalised.`,
    norm,
    `Attention: ${config.nHeads} query heads, ${config.nKvHeads} KV heads, d_head = ${dHead}. Query head h owns columns h·${dHead} … h·${dHead}+${dHead - 1} of Q; KV head g the same range of K and V.`,
    `GQA grouping: query head h reads KV head ⌊h / ${group}⌋ (heads 0–${group - 1} share KV head 0, and so on); heads are concatenated in head order before wo.`,
    `Scores q·kᵀ/√d_head (= /√${dHead}); causal mask: query i sees keys j ≤ i, masked weights exactly 0; softmax over keys.`,
    ...(config.rope
      ? [
          `RoPE (GPT-NeoX / Hugging Face rotate-half layout) on Q and K after projection, per head: for k < d_head/2, θ_k = ${config.rope.base}^(−2k/d_head) and the pair (x_k, x_{k+d_head/2}) at position p is rotated by p·θ_k: (a, b) → (a·cos − b·sin, b·cos + a·sin). Positions start at 0.`,
        ]
      : []),
    ffn,
  ];
}

/** Every bug a block of this config can have (lib/labs/block-faults.ts), as variants of a whole-block lab. */
export function blockVariants(config: BlockConfig): LabVariantDefinition<BlockParams>[] {
  return blockFaultCases(config).map((c) => ({ ...c.variant, output: (p) => runBlock(c.config ?? config, p, c.faults, c.weights?.(p)) }));
}

/** Shapes that come from submitting an intermediate of the block. */
export function blockShapeHint(config: BlockConfig, seq: number, actual: number[]): string | null {
  const [a, b] = actual;
  if (actual.length === 2 && a === seq && b === config.dFf) return "that is the FFN hidden layer [seq, d_ff]: multiply it by w2 and add the residual.";
  if (actual.length === 2 && a === seq && b === config.dModel / config.nHeads) return "one attention head's output instead of the whole block's output?";
  if (actual.length === 3 && a === config.nHeads) return "per-head tensors: concatenate the heads, apply wo, then finish the block.";
  return null;
}

/** What sets one pre-norm block lab apart; the rest follows from its config and sequence length. */
export type BlockLabSpec = Pick<LabSummary, "slug" | "title" | "summary"> & {
  /** Markdown task, in this size's numbers. */
  task: string;
  /** Conventions after the block's own (e.g. a GELU caveat). */
  extraConventions?: string[];
  /** Bugs of this lab alone, after every bug its block can have. */
  variants?: LabVariantDefinition<BlockParams>[];
};

/** A pre-norm block lab: seeded `x` and weights in, the block output `y: [seq, d_model]` out. */
export function defineBlockLab(spec: BlockLabSpec, config: BlockConfig, seq: number): Lab {
  return defineLab<BlockParams>({
    slug: spec.slug,
    title: spec.title,
    topic: "Transformer block",
    difficulty: "HARD",
    summary: spec.summary,
    generate: (seed) => generateBlock(config, seq, seed),
    inputs: (p) => blockInputSpecs(config, p),
    output: { name: "y", axes: ["seq", "d_model"], description: "Block output (the residual stream after the block).", shape: () => [seq, config.dModel] },
    task: () => spec.task,
    conventions: () => [...blockConventions(config, seq), ...(spec.extraConventions ?? [])],
    scalars: () => ({
      seq,
      d_model: config.dModel,
      n_heads: config.nHeads,
      n_kv_heads: config.nKvHeads,
      d_ff: config.dFf,
      epsilon: config.epsilon,
      norm: config.norm,
      ffn: config.ffn,
    }),
    reference: (p) => runBlock(config, p),
    float64Reference: (p) => float64Block(config, p),
    variants: [...blockVariants(config), ...(spec.variants ?? [])],
    shapeHint: (_p, actual) => blockShapeHint(config, seq, actual),
  });
}
