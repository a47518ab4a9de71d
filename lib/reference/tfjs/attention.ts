import * as tf from "@tensorflow/tfjs-core";
import { assertValidConfig, groupSize, headDim, isVisible, ropeTablesAt, visibilityMask } from "../config";
import type { AttentionFaults } from "../faults";
import type { AttentionConfig, AttentionOutput, AttentionWeights, Matrix } from "../types";
import { flatTensor, matrixTensor, runTidy, toMatrices, toMatrix } from "./tensor-adapter";
import { as2d, type AttentionWeightsLike } from "./weights";

/** Weight given to a masked score before the softmax; the mask then zeroes it exactly. */
const MASKED_SCORE = -1e30;

/** `[seq, n·dHead]` → `[n, seq, dHead]`. */
function splitHeads(t: tf.Tensor2D, n: number, dHead: number): tf.Tensor3D {
  return tf.transpose(tf.reshape(t, [t.shape[0], n, dHead]), [1, 0, 2]);
}

/** `x·[wq | wk | wv]: [seq, (nHeads + 2·nKvHeads)·dHead]` → Q, K and V split into heads, with one transpose. */
function splitQkv(qkv: tf.Tensor2D, config: AttentionConfig, dHead: number): { q: tf.Tensor3D; k: tf.Tensor3D; v: tf.Tensor3D } {
  const all = splitHeads(qkv, config.nHeads + 2 * config.nKvHeads, dHead);
  const [q, k, v] = tf.split<tf.Tensor3D>(all, [config.nHeads, config.nKvHeads, config.nKvHeads], 0);
  if (!q || !k || !v) throw new Error("reference: Q/K/V split failed");
  return { q, k, v };
}

/**
 * RoPE of `x: [n, seq, dHead]`, row `r` at position `position(r)`: rotate-half (the convention), or
 * the interleaved layout (pairs (x_2k, x_2k+1)) as a known bug: the even and odd columns are
 * gathered into the two halves, rotated as rotate-half, and put back.
 */
function ropeT(x: tf.Tensor3D, position: (r: number) => number, base: number, layout: "rotate-half" | "interleaved"): tf.Tensor3D {
  if (layout === "rotate-half") return rotateHalfT(x, position, base);
  const dHead = x.shape[2];
  const order = [...Array.from({ length: dHead / 2 }, (_, k) => 2 * k), ...Array.from({ length: dHead / 2 }, (_, k) => 2 * k + 1)];
  const back = order.map((_, c) => order.indexOf(c));
  const rotated = rotateHalfT(tf.gather(x, tf.tensor1d(order, "int32"), 2), position, base);
  return tf.gather(rotated, tf.tensor1d(back, "int32"), 2);
}

/** Rotate-half RoPE of `x: [n, seq, dHead]`, row `r` at position `position(r)`. */
function rotateHalfT(x: tf.Tensor3D, position: (r: number) => number, base: number): tf.Tensor3D {
  const [, seq, dHead] = x.shape;
  const half = dHead / 2;
  const { cos, sin } = ropeTablesAt(
    Array.from({ length: seq }, (_, r) => position(r)),
    dHead,
    base,
  );
  const first = tf.slice(x, [0, 0, 0], [-1, -1, half]);
  const second = tf.slice(x, [0, 0, half], [-1, -1, half]);
  const rotated = tf.concat([tf.neg(second), first], 2);
  return tf.add(tf.mul(x, flatTensor(cos, seq, dHead)), tf.mul(rotated, flatTensor(sin, seq, dHead)));
}

/** Q `[nHeads, seq, dHead]`, K and V `[nKvHeads, seq, dHead]` for rows at positions `start..`, RoPE applied. */
export function projectQkvT(
  config: AttentionConfig,
  weights: AttentionWeightsLike,
  x: tf.Tensor2D,
  start: number,
  faults: AttentionFaults = {},
): { q: tf.Tensor3D; k: tf.Tensor3D; v: tf.Tensor3D } {
  const dHead = headDim(config);
  let { q, k, v } = weights.wqkv
    ? splitQkv(tf.matMul(x, weights.wqkv), config, dHead)
    : {
        q: splitHeads(tf.matMul(x, as2d(weights.wq)), config.nHeads, dHead),
        k: splitHeads(tf.matMul(x, as2d(weights.wk)), config.nKvHeads, dHead),
        v: splitHeads(tf.matMul(x, as2d(weights.wv)), config.nKvHeads, dHead),
      };
  if (config.rope && faults.rope !== "none") {
    const position = faults.ropePosition ?? ((r: number) => start + r);
    const layout = faults.rope ?? "rotate-half";
    q = ropeT(q, position, config.rope.base, layout);
    k = ropeT(k, position, config.rope.base, layout);
  }
  return { q, k, v };
}

/** A visibility mask `[sq, sk]` (1 = visible), its additive score bias, and whether every row sees some key. */
type Visibility = { mask: Float32Array; bias: Float32Array; everyRowSees: boolean };

/** Masks remembered by mode, window and shape: every forward of a grading asks for the same one. */
const VISIBILITY_CACHE_SIZE = 16;
const visibilities = new Map<string, Visibility>();

/** Visibility under the convention or a mask fault; a custom `faults.visible` is never cached. */
function visibilityFor(config: AttentionConfig, queryStart: number, sq: number, sk: number, faults: AttentionFaults): Visibility {
  if (faults.visible) return visibilityOf(visibilityMask(queryStart, sq, sk, faults.visible), sk);
  const mode = faults.mask ?? "causal";
  const key = `${mode}|${config.window ?? ""}|${queryStart}|${sq}|${sk}`;
  const known = visibilities.get(key);
  if (known) return known;
  const byMode: Record<NonNullable<AttentionFaults["mask"]>, (i: number, j: number) => boolean> = {
    causal: (i, j) => isVisible(i, j, config.window),
    none: () => true,
    upper: (i, j) => j >= i,
  };
  const made = visibilityOf(visibilityMask(queryStart, sq, sk, byMode[mode]), sk);
  visibilities.set(key, made);
  for (const oldest of visibilities.keys()) {
    if (visibilities.size <= VISIBILITY_CACHE_SIZE) break;
    visibilities.delete(oldest);
  }
  return made;
}

function visibilityOf(mask: Float32Array, sk: number): Visibility {
  let seeing = 0;
  for (let r = 0; r * sk < mask.length; r++) if (mask.subarray(r * sk, (r + 1) * sk).includes(1)) seeing++;
  return { mask, bias: mask.map((m) => (m === 1 ? 0 : MASKED_SCORE)), everyRowSees: seeing * sk === mask.length };
}

/** Score scale: 1/√dHead (convention), or a scaling fault. */
function scoreScale(config: AttentionConfig, faults: AttentionFaults): number {
  if (faults.scale === "model") return 1 / Math.sqrt(config.dModel);
  if (faults.scale === "dim") return 1 / headDim(config);
  if (faults.scale === "none") return 1;
  return 1 / Math.sqrt(headDim(config));
}

/**
 * Masked softmax over `axis` (-1 keys, -2 queries); rows/columns with nothing
 * visible get zeros. `everyRowSees`: each query row has a visible key.
 */
function maskedSoftmax(scores: tf.Tensor3D, mask: tf.Tensor2D, bias: tf.Tensor2D, axis: number, everyRowSees: boolean, faults: AttentionFaults): tf.Tensor3D {
  if (faults.maskAfterSoftmax) return tf.mul(tf.softmax(scores, -1), mask);
  const biased = tf.add<tf.Tensor3D>(scores, bias);
  // Masked scores sit at −1e30, so in a row with any visible key their exp
  // underflows to exactly 0; the mask then zeroes rows with no visible key
  // (window 0), which the softmax alone would make uniform. One fused kernel,
  // and no multiply at all when every row sees a key (the same values).
  if (axis === -1) return everyRowSees ? tf.softmax(biased, -1) : tf.mul(tf.softmax(biased, -1), mask);
  const exps = tf.mul(tf.exp(tf.sub(biased, tf.max(biased, axis, true))), mask);
  // A column with any visible query contains exp(0) = 1, so its sum is ≥ 1
  // and max(sum, 1) is the sum itself; an all-masked one (sum 0) divides 0
  // by 1. Same values as divNoNan, which is a slow composite op on wasm.
  return tf.div<tf.Tensor3D>(exps, tf.maximum(tf.sum(exps, axis, true), 1));
}

/**
 * `a[h] · kv[kvHead(h)]` (ᵀ when `transposeB`) for every query head `h`, as
 * `[nHeads, rows, cols]`. With the convention's grouping, the query heads of
 * one KV head are consecutive, so `a: [nHeads, s, x]` reshapes to
 * `[nKvHeads, group·s, x]` and each KV head meets all its query heads in one
 * batch entry: no copy of K or V and fewer, larger matmuls (much faster on
 * wasm than one per query head). The tiled fault gathers KV heads instead.
 */
function kvHeadMatMul(config: AttentionConfig, faults: AttentionFaults): (a: tf.Tensor3D, kv: tf.Tensor3D, transposeB: boolean) => tf.Tensor3D {
  const group = groupSize(config);
  if (group === 1) return (a, kv, transposeB) => tf.matMul(a, kv, false, transposeB);
  if (faults.kvHeads === "tiled") {
    const order = Array.from({ length: config.nHeads }, (_, h) => h % config.nKvHeads);
    return (a, kv, transposeB) => tf.matMul(a, tf.gather(kv, tf.tensor1d(order, "int32"), 0), false, transposeB);
  }
  return (a, kv, transposeB) => {
    const [heads, rows, inner] = a.shape;
    const product: tf.Tensor3D = tf.matMul(tf.reshape<tf.Rank.R3>(a, [config.nKvHeads, group * rows, inner]), kv, false, transposeB);
    return tf.reshape<tf.Rank.R3>(product, [heads, rows, product.shape[2]]);
  };
}

/**
 * Masked softmax attention of queries at positions `queryStart..` over keys at
 * positions `0..`. Returns the concatenated head outputs `[sq, nHeads·dHead]`
 * (before Wo) and the weights `[nHeads, sq, sk]`. All heads go through
 * batched matMuls grouped by KV head. `faults` (default none) computes a
 * known bug instead.
 */
export function attendT(
  config: AttentionConfig,
  q: tf.Tensor3D,
  k: tf.Tensor3D,
  v: tf.Tensor3D,
  queryStart: number,
  faults: AttentionFaults = {},
): { heads: tf.Tensor2D; weights: tf.Tensor3D } {
  const dHead = headDim(config);
  const [, sq] = q.shape;
  const [, sk] = k.shape;
  const byKvHead = kvHeadMatMul(config, faults);
  const { mask, bias, everyRowSees } = visibilityFor(config, queryStart, sq, sk, faults);
  const scores = tf.mul<tf.Tensor3D>(byKvHead(q, k, true), scoreScale(config, faults));
  const axis = faults.softmaxAxis === "queries" ? -2 : -1;
  const weights = maskedSoftmax(scores, flatTensor(mask, sq, sk), flatTensor(bias, sq, sk), axis, everyRowSees, faults);
  const out = byKvHead(weights, v, false);
  const heads = tf.reshape<tf.Rank.R2>(tf.transpose(out, [1, 0, 2]), [sq, config.nHeads * dHead]);
  return { heads, weights };
}

/** Full causal self-attention of `x: [seq, dModel]` (positions 0..seq-1), after Wo. */
export function attentionT(
  config: AttentionConfig,
  weights: AttentionWeightsLike,
  x: tf.Tensor2D,
  faults: AttentionFaults = {},
): { output: tf.Tensor2D; weights: tf.Tensor3D } {
  const { q, k, v } = projectQkvT(config, weights, x, 0, faults);
  const attended = attendT(config, q, k, v, 0, faults);
  return { output: tf.matMul(attended.heads, as2d(weights.wo)), weights: attended.weights };
}

/**
 * Multi-head causal self-attention (MHA/GQA/MQA, optional window and RoPE) of
 * `x: [seq, dModel]`, with no norm or residual. Conventions: see `../types`.
 */
export function causalAttention(config: AttentionConfig, weights: AttentionWeights, x: Matrix): AttentionOutput {
  assertValidConfig(config);
  if (x.length === 0) return { output: [], attentionWeights: Array.from({ length: config.nHeads }, () => []) };
  return runTidy(() => {
    const result = attentionT(config, weights, matrixTensor(x, config.dModel));
    return { output: toMatrix(result.output), attentionWeights: toMatrices(result.weights) };
  });
}
