import * as tf from "@tensorflow/tfjs-core";
import type { BlockConfig, FfnWeights, Matrix } from "../types";
import { matrixTensor, runTidy, toMatrix } from "./tensor-adapter";
import { as2d, type FfnWeightsLike } from "./weights";

/**
 * Twice the exact GELU, `x·(1 + erf(x/√2))`: the FFN halves after W2 instead,
 * on a quarter of the elements. Bit-for-bit the same result, ½ being a power
 * of two.
 */
function twiceGeluT(x: tf.Tensor2D): tf.Tensor2D {
  return tf.mul<tf.Tensor2D>(x, tf.add(tf.erf(tf.mul(x, Math.SQRT1_2)), 1));
}

/** GELU's tanh approximation, `0.5·x·(1 + tanh(√(2/π)·(x + 0.044715·x³)))` (a known bug where erf is asked). */
function geluTanhT(x: tf.Tensor2D): tf.Tensor2D {
  const inner = tf.mul<tf.Tensor2D>(tf.add(x, tf.mul(tf.pow(x, 3), 0.044715)), Math.sqrt(2 / Math.PI));
  return tf.mul<tf.Tensor2D>(tf.mul(x, 0.5), tf.add(tf.tanh(inner), 1));
}

/**
 * GELU FFN `gelu(x·W1)·W2` or SwiGLU `(silu(x·W1) ⊙ x·W3)·W2` of `x: [seq, dModel]`.
 * `gelu` "tanh" computes the tanh approximation instead of the exact form (a known bug).
 */
export function feedForwardT(config: Pick<BlockConfig, "ffn">, weights: FfnWeightsLike, x: tf.Tensor2D, gelu: "erf" | "tanh" = "erf"): tf.Tensor2D {
  const up: tf.Tensor2D = tf.matMul(x, as2d(weights.w1));
  if (config.ffn === "gelu" && gelu === "tanh") return tf.matMul(geluTanhT(up), as2d(weights.w2));
  if (config.ffn === "gelu") return tf.mul(tf.matMul(twiceGeluT(up), as2d(weights.w2)), 0.5);
  if (!weights.w3) throw new Error("reference: SwiGLU needs weights.w3");
  const silu = tf.mul<tf.Tensor2D>(up, tf.sigmoid(up));
  return tf.matMul(tf.mul(silu, tf.matMul(x, as2d(weights.w3))), as2d(weights.w2));
}

/** The feed-forward sublayer alone on `x: [seq, dModel]` → `[seq, dModel]`. */
export function feedForward(config: Pick<BlockConfig, "ffn">, weights: FfnWeights, x: Matrix): number[][] {
  if (x.length === 0) return [];
  return runTidy(() => toMatrix(feedForwardT(config, weights, matrixTensor(x))));
}
