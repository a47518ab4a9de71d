import * as tf from "@tensorflow/tfjs-core";
import type { NormFaults } from "../faults";
import type { BlockConfig, Matrix, Vector } from "../types";
import { matrixTensor, runTidy, toMatrix, vectorTensor } from "./tensor-adapter";
import { as1d, type NormWeightsLike } from "./weights";

/**
 * Smallest denominator kept as is: √ of the smallest positive float32 is
 * ~4e-23, so every nonzero denominator is already above it.
 */
const TINY_DENOMINATOR = 1e-30;

/** The mean over the last axis of `x: [rows, d]` as `[rows, 1]`: a sum, then one division per row. */
function rowMeanT(x: tf.Tensor2D, count: number): tf.Tensor2D {
  // tfjs-node's Mean copies its input through a Cast first; Sum does not.
  return tf.div(tf.sum(x, -1, true), count);
}

/**
 * `1 / √(s + ε)` per row (the convention), or the faulty `1 / (√s + ε)` / `1 / √s`.
 * A zero denominator (a zero-variance row, or a zero row, with nothing added)
 * gives a large finite factor instead of ∞, so its row, all zeros, stays 0.
 * Applying one factor per row with a multiply per element is the cheap form:
 * a division per element cost about as much as the rest of the norm natively.
 */
function inverseDenominatorT(s: tf.Tensor2D, epsilon: number, faults: NormFaults): tf.Tensor2D {
  const placement = faults.epsilon ?? "inside";
  // With ε > 0 inside the root nothing is ever 0: one fused reciprocal square root.
  if (placement === "inside" && epsilon > 0) return tf.rsqrt(tf.add<tf.Tensor2D>(s, epsilon));
  const root: tf.Tensor2D = placement === "inside" ? tf.sqrt(tf.add<tf.Tensor2D>(s, epsilon)) : tf.sqrt(s);
  const denominator = placement === "outside" ? tf.add<tf.Tensor2D>(root, epsilon) : root;
  return tf.reciprocal(tf.maximum<tf.Tensor2D>(denominator, TINY_DENOMINATOR));
}

/**
 * LayerNorm over the last axis of `x: [seq, d]`; a zero-variance row with ε = 0
 * maps to β. `faults` (default none) computes a known bug instead.
 */
export function layerNormT(x: tf.Tensor2D, gamma: tf.Tensor1D, beta: tf.Tensor1D, epsilon: number, faults: NormFaults = {}): tf.Tensor2D {
  const d = x.shape[1] ?? 1;
  const centred = faults.skipMean ? x : tf.sub<tf.Tensor2D>(x, rowMeanT(x, d));
  const variance = rowMeanT(tf.square(centred), faults.sampleVariance ? Math.max(1, d - 1) : d);
  return tf.add(tf.mul(tf.mul(centred, inverseDenominatorT(variance, epsilon, faults)), gamma), beta);
}

/** RMSNorm over the last axis of `x: [seq, d]`; a zero row with ε = 0 maps to 0. Honours `faults.epsilon`. */
export function rmsNormT(x: tf.Tensor2D, gamma: tf.Tensor1D, epsilon: number, faults: NormFaults = {}): tf.Tensor2D {
  const meanSquare = rowMeanT(tf.square(x), x.shape[1] ?? 1);
  return tf.mul(tf.mul(x, inverseDenominatorT(meanSquare, epsilon, faults)), gamma);
}

/** The block's configured norm on tensors. */
export function applyNormT(config: Pick<BlockConfig, "norm" | "epsilon">, weights: NormWeightsLike, x: tf.Tensor2D, faults: NormFaults = {}): tf.Tensor2D {
  const gamma = as1d(weights.gamma);
  if (config.norm === "rmsnorm") return rmsNormT(x, gamma, config.epsilon, faults);
  if (!weights.beta) throw new Error("reference: LayerNorm needs beta");
  return layerNormT(x, gamma, as1d(weights.beta), config.epsilon, faults);
}

/**
 * LayerNorm of each row of `x: [seq, d]` with gain `gamma: [d]`, shift
 * `beta: [d]` and `epsilon ≥ 0` added to the population variance.
 */
export function layerNorm(x: Matrix, gamma: Vector, beta: Vector, epsilon: number): number[][] {
  return runTidy(() => toMatrix(layerNormT(matrixTensor(x), vectorTensor(gamma), vectorTensor(beta), epsilon)));
}

/** RMSNorm of each row of `x: [seq, d]` with gain `gamma: [d]` and `epsilon ≥ 0`. */
export function rmsNorm(x: Matrix, gamma: Vector, epsilon: number): number[][] {
  return runTidy(() => toMatrix(rmsNormT(matrixTensor(x), vectorTensor(gamma), epsilon)));
}
