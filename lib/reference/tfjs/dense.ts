import * as tf from "@tensorflow/tfjs-core";
import { assertValidConfig } from "../config";
import type { AttentionFaults, BlockFaults, NormFaults } from "../faults";
import type { AttentionConfig, BlockConfig } from "../types";
import { attendT, attentionT } from "./attention";
import { blockAroundT } from "./block";
import { layerNormT, rmsNormT } from "./norm";
import { flatTensor, runTidy } from "./tensor-adapter";
import { uploadedColumns, uploadedTensor } from "./uploaded";

/**
 * The tfjs path on dense row-major tensors (`{ shape, data }`), for graders
 * whose inputs arrive flat: no per-element JS on the way in or out, and known
 * bugs selectable through `faults`. Float32 inside, Float64Array out.
 */
export type DenseTensor = { shape: number[]; data: Float64Array | Float32Array };

export type DenseNormWeights = { gamma: DenseTensor; beta?: DenseTensor };
export type DenseAttentionWeights = { wq: DenseTensor; wk: DenseTensor; wv: DenseTensor; wo: DenseTensor };
export type DenseBlockWeights = DenseAttentionWeights & {
  w1: DenseTensor;
  w2: DenseTensor;
  w3?: DenseTensor;
  norm1: DenseNormWeights;
  norm2: DenseNormWeights;
};

function t2(d: DenseTensor): tf.Tensor2D {
  if (d.shape.length !== 2) throw new Error(`reference: expected a matrix, got shape [${d.shape.join(", ")}]`);
  return flatTensor(d.data, d.shape[0] ?? 0, d.shape[1] ?? 0);
}

function t1(d: DenseTensor): tf.Tensor1D {
  return tf.tensor1d(d.data instanceof Float32Array ? d.data : new Float32Array(d.data));
}

/** `t2` and `t1` for weights: uploaded once per array and backend (see `uploadedTensor`). */
function weight2(d: DenseTensor): tf.Tensor2D {
  if (d.shape.length !== 2) throw new Error(`reference: expected a matrix, got shape [${d.shape.join(", ")}]`);
  return uploadedTensor(d.data, d.shape) as tf.Tensor2D;
}

function weight1(d: DenseTensor): tf.Tensor1D {
  return uploadedTensor(d.data, [d.data.length]) as tf.Tensor1D;
}

function out(t: tf.Tensor): { shape: number[]; data: Float64Array } {
  return { shape: [...t.shape], data: new Float64Array(t.dataSync()) };
}

function normWeights(w: DenseNormWeights): { gamma: tf.Tensor1D; beta?: tf.Tensor1D } {
  return w.beta ? { gamma: weight1(w.gamma), beta: weight1(w.beta) } : { gamma: weight1(w.gamma) };
}

/** LayerNorm of `x: [rows, d]` over its last axis; `faults` selects a known bug. */
export function denseLayerNorm(
  x: DenseTensor,
  gamma: DenseTensor,
  beta: DenseTensor,
  epsilon: number,
  faults: NormFaults = {},
): { shape: number[]; data: Float64Array } {
  return runTidy(() => out(layerNormT(t2(x), t1(gamma), t1(beta), epsilon, faults)));
}

/** RMSNorm of `x: [rows, d]` over its last axis. */
export function denseRmsNorm(x: DenseTensor, gamma: DenseTensor, epsilon: number, faults: NormFaults = {}): { shape: number[]; data: Float64Array } {
  return runTidy(() => out(rmsNormT(t2(x), t1(gamma), epsilon, faults)));
}

/** Causal self-attention (after Wo) of `x: [seq, dModel]`. */
export function denseAttention(
  config: AttentionConfig,
  weights: DenseAttentionWeights,
  x: DenseTensor,
  faults: AttentionFaults = {},
): { shape: number[]; data: Float64Array } {
  assertValidConfig(config);
  return runTidy(() => {
    const w = { wq: t2(weights.wq), wk: t2(weights.wk), wv: t2(weights.wv), wo: t2(weights.wo) };
    return out(attentionT(config, w, t2(x), faults).output);
  });
}

/**
 * Single-head causal attention `softmax(q·kᵀ/√d + mask)·v` on given
 * `q, k, v: [seq, d]` (no projections), queries at positions `0..seq-1`.
 */
export function denseScaledDotProductAttention(
  q: DenseTensor,
  k: DenseTensor,
  v: DenseTensor,
  faults: AttentionFaults = {},
): { shape: number[]; data: Float64Array } {
  const d = q.shape[1] ?? 0;
  const config = { dModel: d, nHeads: 1, nKvHeads: 1 };
  assertValidConfig(config);
  return runTidy(() => {
    const head = (t: DenseTensor): tf.Tensor3D => tf.expandDims<tf.Tensor3D>(t2(t), 0);
    return out(attendT(config, head(q), head(k), head(v), 0, faults).heads);
  });
}

/** One block on `x: [seq, dModel]` → `[seq, dModel]`, with optional faults anywhere in it. */
export function denseForwardBlock(
  config: BlockConfig,
  weights: DenseBlockWeights,
  x: DenseTensor,
  faults: BlockFaults = {},
): { shape: number[]; data: Float64Array } {
  assertValidConfig(config);
  if (config.ffn === "swiglu" && !weights.w3) throw new Error("reference: SwiGLU needs weights.w3");
  return runTidy(() => {
    const w = {
      wqkv: uploadedColumns(
        [weights.wq, weights.wk, weights.wv].map((w) => ({ data: w.data, cols: w.shape[1] ?? 0 })),
        weights.wq.shape[0] ?? 0,
      ) as tf.Tensor2D,
      wo: weight2(weights.wo),
      w1: weight2(weights.w1),
      w2: weight2(weights.w2),
      ...(weights.w3 ? { w3: weight2(weights.w3) } : {}),
      norm1: normWeights(weights.norm1),
      norm2: normWeights(weights.norm2),
    };
    const attend = (input: tf.Tensor2D): tf.Tensor2D => attentionT(config, w, input, faults.attention).output;
    return out(blockAroundT(config, w, t2(x), attend, faults));
  });
}
