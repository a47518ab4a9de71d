import * as tf from "@tensorflow/tfjs-core";
import type { Matrix, Vector } from "../types";
import { matrixTensor, vectorTensor } from "./tensor-adapter";

/**
 * Weights as the tfjs path consumes them: plain arrays (converted on use) or
 * tensors already on the backend (the dense entry points upload flat data
 * straight to tensors, once per array and backend: uploaded.ts).
 */
export type MatrixLike = Matrix | tf.Tensor2D;
export type VectorLike = Vector | tf.Tensor1D;

export interface NormWeightsLike {
  gamma: VectorLike;
  beta?: VectorLike;
}

/** Q, K and V projections: separate, or `[wq | wk | wv]` side by side (one matmul; then the three are not needed). */
export type ProjectionWeightsLike = { wq: MatrixLike; wk: MatrixLike; wv: MatrixLike; wqkv?: undefined } | { wqkv: tf.Tensor2D };

export type AttentionWeightsLike = ProjectionWeightsLike & { wo: MatrixLike };

export interface FfnWeightsLike {
  w1: MatrixLike;
  w2: MatrixLike;
  w3?: MatrixLike;
}

export type BlockWeightsLike = AttentionWeightsLike &
  FfnWeightsLike & {
    norm1: NormWeightsLike;
    norm2: NormWeightsLike;
  };

/** The tensor itself, or a float32 Tensor2D of the plain matrix. */
export function as2d(m: MatrixLike): tf.Tensor2D {
  return m instanceof tf.Tensor ? m : matrixTensor(m);
}

/** The tensor itself, or a float32 Tensor1D of the plain vector. */
export function as1d(v: VectorLike): tf.Tensor1D {
  return v instanceof tf.Tensor ? v : vectorTensor(v);
}
