import * as tf from "@tensorflow/tfjs-core";
import { assertValidConfig, groupSize, headDim, ropeTables, visibilityMask } from "../config";
import type { AttentionConfig, AttentionOutput, AttentionWeights, Matrix } from "../types";
import { flatTensor, matrixTensor, runTidy, toMatrices, toMatrix } from "./tensor-adapter";

/** Weight given to a masked score before the softmax; the mask then zeroes it exactly. */
const MASKED_SCORE = -1e30;

/** `[seq, n·dHead]` → `[n, seq, dHead]`. */
function splitHeads(t: tf.Tensor2D, n: number, dHead: number): tf.Tensor3D {
  return tf.transpose(tf.reshape(t, [t.shape[0], n, dHead]), [1, 0, 2]);
}

/** Rotate-half RoPE of `x: [n, seq, dHead]` for positions `start..start+seq-1`. */
function ropeT(x: tf.Tensor3D, start: number, base: number): tf.Tensor3D {
  const [, seq, dHead] = x.shape;
  const half = dHead / 2;
  const { cos, sin } = ropeTables(start, seq, dHead, base);
  const first = tf.slice(x, [0, 0, 0], [-1, -1, half]);
  const second = tf.slice(x, [0, 0, half], [-1, -1, half]);
  const rotated = tf.concat([tf.neg(second), first], 2);
  return tf.add(tf.mul(x, flatTensor(cos, seq, dHead)), tf.mul(rotated, flatTensor(sin, seq, dHead)));
}

/** Q `[nHeads, seq, dHead]`, K and V `[nKvHeads, seq, dHead]` for rows at positions `start..`, RoPE applied. */
export function projectQkvT(
  config: AttentionConfig,
  weights: AttentionWeights,
  x: tf.Tensor2D,
  start: number,
): { q: tf.Tensor3D; k: tf.Tensor3D; v: tf.Tensor3D } {
  const dHead = headDim(config);
  let q = splitHeads(tf.matMul(x, matrixTensor(weights.wq)), config.nHeads, dHead);
  let k = splitHeads(tf.matMul(x, matrixTensor(weights.wk)), config.nKvHeads, dHead);
  const v = splitHeads(tf.matMul(x, matrixTensor(weights.wv)), config.nKvHeads, dHead);
  if (config.rope) {
    q = ropeT(q, start, config.rope.base);
    k = ropeT(k, start, config.rope.base);
  }
  return { q, k, v };
}

/**
 * Masked softmax attention of queries at positions `queryStart..` over keys at
 * positions `0..`. Returns the concatenated head outputs `[sq, nHeads·dHead]`
 * (before Wo) and the weights `[nHeads, sq, sk]`.
 */
export function attendT(
  config: AttentionConfig,
  q: tf.Tensor3D,
  k: tf.Tensor3D,
  v: tf.Tensor3D,
  queryStart: number,
): { heads: tf.Tensor2D; weights: tf.Tensor3D } {
  const dHead = headDim(config);
  const [, sq] = q.shape;
  const [, sk] = k.shape;
  const group = groupSize(config);
  const expand = (t: tf.Tensor3D): tf.Tensor3D =>
    group === 1 ? t : tf.gather(t, tf.tensor1d(Array.from({ length: config.nHeads }, (_, h) => Math.floor(h / group)), "int32"), 0);
  const mask = visibilityMask(queryStart, sq, sk, config.window);
  const bias = mask.map((m) => (m === 1 ? 0 : MASKED_SCORE));
  const scores = tf.add(tf.mul(tf.matMul(q, expand(k), false, true), 1 / Math.sqrt(dHead)), flatTensor(bias, sq, sk));
  const exps = tf.mul(tf.exp(tf.sub(scores, tf.max(scores, -1, true))), flatTensor(mask, sq, sk));
  const weights = tf.divNoNan<tf.Tensor3D>(exps, tf.sum(exps, -1, true));
  const out = tf.matMul(weights, expand(v));
  const heads = tf.reshape<tf.Rank.R2>(tf.transpose(out, [1, 0, 2]), [sq, config.nHeads * dHead]);
  return { heads, weights };
}

/** Full causal self-attention of `x: [seq, dModel]` (positions 0..seq-1), after Wo. */
export function attentionT(
  config: AttentionConfig,
  weights: AttentionWeights,
  x: tf.Tensor2D,
): { output: tf.Tensor2D; weights: tf.Tensor3D } {
  const { q, k, v } = projectQkvT(config, weights, x, 0);
  const attended = attendT(config, q, k, v, 0);
  return { output: tf.matMul(attended.heads, matrixTensor(weights.wo)), weights: attended.weights };
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
