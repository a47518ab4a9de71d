/**
 * Shapes and conventions shared by both reference paths (tfjs and float64).
 *
 * Conventions (both paths implement exactly these):
 * - Row vectors: a sequence is `x: [seq, dModel]` and a projection is `x · W`
 *   with `W: [in, out]`. No linear layer has a bias.
 * - `dHead = dModel / nHeads`. Head `h` owns columns `h*dHead .. (h+1)*dHead-1`
 *   of Q (and of the attention output fed to Wo); KV head `g` owns the same
 *   column range of K and V.
 * - GQA grouping: query head `h` reads KV head `floor(h / (nHeads / nKvHeads))`.
 *   `nKvHeads = nHeads` is MHA, `nKvHeads = 1` is MQA.
 * - Scores are `q · kᵀ / √dHead`. Masked keys get weight exactly 0 (the same
 *   as a score of −∞). A query that sees no key at all (e.g. `window: 0`) gets
 *   an all-zero weight row, so its head output is the zero vector — never NaN.
 * - Causal + sliding window: query `i` sees key `j` iff `j ≤ i` and
 *   `j > i − window` (no window: every `j ≤ i`).
 * - RoPE (GPT-NeoX / Hugging Face "rotate half" layout): for `k < dHead/2`,
 *   `θ_k = base^(−2k/dHead)` and the pair `(x_k, x_{k+dHead/2})` at position
 *   `p` is rotated by angle `p·θ_k`. Applied to Q and K after projection.
 * - Norms act on the last axis. LayerNorm: `(x − mean)/√(var + ε)·γ + β` with
 *   the biased (population) variance; RMSNorm: `x/√(mean(x²) + ε)·γ`. A
 *   zero-variance (or zero) row with `ε = 0` normalises to 0, so the result is
 *   `β` (or 0), never NaN.
 * - GELU is the exact erf form `0.5·x·(1 + erf(x/√2))` (PyTorch default).
 *   GELU FFN: `gelu(x·W1)·W2`. SwiGLU FFN: `(silu(x·W1) ⊙ (x·W3))·W2`, i.e.
 *   W1 is LLaMA's `w1`/`gate_proj` and W3 its `w3`/`up_proj`.
 * - Placement "pre": `h = x + Attn(N1(x))`, `y = h + FFN(N2(h))`.
 *   Placement "post": `h = N1(x + Attn(x))`, `y = N2(h + FFN(h))`.
 */

/** A vector of numbers: a plain array or a Float32Array/Float64Array. */
export type Vector = ArrayLike<number>;

/** A row-major matrix `[rows][cols]`. */
export type Matrix = ArrayLike<Vector>;

export type NormKind = "layernorm" | "rmsnorm";
export type NormPlacement = "pre" | "post";
export type FfnKind = "gelu" | "swiglu";

/** Rotary position embedding settings; `base` is usually 10000. */
export interface RopeConfig {
  base: number;
}

/** One transformer block. `dModel` divisible by `nHeads`, `nHeads` by `nKvHeads`. */
export interface BlockConfig {
  dModel: number;
  nHeads: number;
  nKvHeads: number;
  dFf: number;
  norm: NormKind;
  placement: NormPlacement;
  ffn: FfnKind;
  /** Added to the variance (LayerNorm) or mean square (RMSNorm); ≥ 0. */
  epsilon: number;
  /** Sliding window: query `i` sees keys `j` with `i − window < j ≤ i`. */
  window?: number;
  /** Rotary embeddings on Q and K; `dHead` must be even. */
  rope?: RopeConfig;
}

/** The attention-only part of a block's config. */
export type AttentionConfig = Pick<BlockConfig, "dModel" | "nHeads" | "nKvHeads" | "window" | "rope">;

/** Gain `γ: [dModel]` and, for LayerNorm, shift `β: [dModel]` (ignored by RMSNorm). */
export interface NormWeights {
  gamma: Vector;
  beta?: Vector;
}

/** Attention projections. */
export interface AttentionWeights {
  /** [dModel, nHeads·dHead] */
  wq: Matrix;
  /** [dModel, nKvHeads·dHead] */
  wk: Matrix;
  /** [dModel, nKvHeads·dHead] */
  wv: Matrix;
  /** [nHeads·dHead, dModel] */
  wo: Matrix;
}

/** Feed-forward projections. */
export interface FfnWeights {
  /** [dModel, dFf] — activation branch (GELU or SiLU). */
  w1: Matrix;
  /** [dFf, dModel] */
  w2: Matrix;
  /** [dModel, dFf] — SwiGLU's linear branch; required when `ffn` is "swiglu". */
  w3?: Matrix;
}

/** All weights of one block. `norm1` belongs to attention, `norm2` to the FFN. */
export interface BlockWeights extends AttentionWeights, FfnWeights {
  norm1: NormWeights;
  norm2: NormWeights;
}

/** Result of a full forward pass. */
export interface BlockOutput {
  /** [seq, dModel] */
  output: number[][];
  /** [nHeads][seq query][seq key]; present when requested. */
  attentionWeights?: number[][][];
}

/** Result of attention alone. */
export interface AttentionOutput {
  /** [seq, dModel] (after Wo) */
  output: number[][];
  /** [nHeads][seq query][seq key] */
  attentionWeights: number[][][];
}

/**
 * Keys (after RoPE) and values of every position decoded so far, as plain
 * arrays: `keys[g][p]` is KV head `g` at position `p`, length `dHead`. Both
 * paths use this shape, so a cache from one path can continue in the other.
 */
export interface KvCache {
  length: number;
  keys: number[][][];
  values: number[][][];
}

/** Options for `forwardBlock`. */
export interface ForwardOptions {
  /** Also return the attention weights (costs one extra download on tfjs). */
  attentionWeights?: boolean;
}
