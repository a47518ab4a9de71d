import * as tf from "@tensorflow/tfjs-core";
import type { BlockConfig, Matrix, NormWeights, Vector } from "../types";
import { matrixTensor, runTidy, toMatrix, vectorTensor } from "./tensor-adapter";

/** LayerNorm over the last axis of `x: [seq, d]`; a zero-variance row with ε = 0 maps to β. */
export function layerNormT(x: tf.Tensor2D, gamma: tf.Tensor1D, beta: tf.Tensor1D, epsilon: number): tf.Tensor2D {
  const centred = tf.sub(x, tf.mean(x, -1, true));
  const variance = tf.mean(tf.square(centred), -1, true);
  const normalised = tf.divNoNan(centred, tf.sqrt(tf.add(variance, epsilon)));
  return tf.add(tf.mul(normalised, gamma), beta);
}

/** RMSNorm over the last axis of `x: [seq, d]`; a zero row with ε = 0 maps to 0. */
export function rmsNormT(x: tf.Tensor2D, gamma: tf.Tensor1D, epsilon: number): tf.Tensor2D {
  const rms = tf.sqrt(tf.add(tf.mean(tf.square(x), -1, true), epsilon));
  return tf.mul(tf.divNoNan(x, rms), gamma);
}

/** The block's configured norm on tensors. */
export function applyNormT(config: Pick<BlockConfig, "norm" | "epsilon">, weights: NormWeights, x: tf.Tensor2D): tf.Tensor2D {
  const gamma = vectorTensor(weights.gamma);
  if (config.norm === "rmsnorm") return rmsNormT(x, gamma, config.epsilon);
  if (!weights.beta) throw new Error("reference: LayerNorm needs beta");
  return layerNormT(x, gamma, vectorTensor(weights.beta), config.epsilon);
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
