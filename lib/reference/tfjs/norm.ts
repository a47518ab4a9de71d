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

/**
 * `n / d` for `n: [rows, cols]` and a per-row `d: [rows, 1]`, or 0 where `d`
 * is 0 (there `n` is 0 too: a zero-variance row's centred values, or a zero
 * row). One reciprocal per row, then a multiply per element: a division per
 * element cost about as much as the rest of the norm on the native backend.
 */
function safeDivide(n: tf.Tensor2D, d: tf.Tensor2D): tf.Tensor2D {
  return tf.mul(n, tf.reciprocal(tf.maximum(d, TINY_DENOMINATOR)));
}

/** `√(s + ε)` (the convention), or the faulty `√s + ε` / `√s`. */
function denominatorT(s: tf.Tensor2D, epsilon: number, faults: NormFaults): tf.Tensor2D {
  if (faults.epsilon === "outside") return tf.add<tf.Tensor2D>(tf.sqrt(s), epsilon);
  if (faults.epsilon === "dropped") return tf.sqrt(s);
  return tf.sqrt(tf.add<tf.Tensor2D>(s, epsilon));
}

/**
 * LayerNorm over the last axis of `x: [seq, d]`; a zero-variance row with ε = 0
 * maps to β. `faults` (default none) computes a known bug instead.
 */
export function layerNormT(x: tf.Tensor2D, gamma: tf.Tensor1D, beta: tf.Tensor1D, epsilon: number, faults: NormFaults = {}): tf.Tensor2D {
  const centred = faults.skipMean ? x : tf.sub<tf.Tensor2D>(x, tf.mean(x, -1, true));
  const variance = faults.sampleVariance
    ? tf.div<tf.Tensor2D>(tf.sum(tf.square(centred), -1, true), Math.max(1, (x.shape[1] ?? 1) - 1))
    : tf.mean<tf.Tensor2D>(tf.square(centred), -1, true);
  const normalised = safeDivide(centred, denominatorT(variance, epsilon, faults));
  return tf.add(tf.mul(normalised, gamma), beta);
}

/** RMSNorm over the last axis of `x: [seq, d]`; a zero row with ε = 0 maps to 0. Honours `faults.epsilon`. */
export function rmsNormT(x: tf.Tensor2D, gamma: tf.Tensor1D, epsilon: number, faults: NormFaults = {}): tf.Tensor2D {
  const rms = denominatorT(tf.mean<tf.Tensor2D>(tf.square(x), -1, true), epsilon, faults);
  return tf.mul(safeDivide(x, rms), gamma);
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
