import type { BlockConfig, Matrix, NormWeights, Vector } from "../types";
import { fromMat, type Mat, toMat, toVec, zeros } from "./matrix";

/** LayerNorm of each row; zero variance with ε = 0 gives β. */
export function layerNormMat(x: Mat, gamma: Float64Array, beta: Float64Array, epsilon: number): Mat {
  const out = zeros(x.rows, x.cols);
  for (let r = 0; r < x.rows; r++) {
    const row = x.data.subarray(r * x.cols, (r + 1) * x.cols);
    let mean = 0;
    for (const v of row) mean += v;
    mean /= x.cols;
    let variance = 0;
    for (const v of row) variance += (v - mean) * (v - mean);
    variance /= x.cols;
    const scale = Math.sqrt(variance + epsilon);
    for (let c = 0; c < x.cols; c++) {
      const centred = (row[c] ?? 0) - mean;
      const normalised = scale === 0 ? 0 : centred / scale;
      out.data[r * x.cols + c] = normalised * (gamma[c] ?? 0) + (beta[c] ?? 0);
    }
  }
  return out;
}

/** RMSNorm of each row; a zero row with ε = 0 gives 0. */
export function rmsNormMat(x: Mat, gamma: Float64Array, epsilon: number): Mat {
  const out = zeros(x.rows, x.cols);
  for (let r = 0; r < x.rows; r++) {
    let meanSquare = 0;
    for (let c = 0; c < x.cols; c++) meanSquare += (x.data[r * x.cols + c] ?? 0) ** 2;
    const scale = Math.sqrt(meanSquare / x.cols + epsilon);
    for (let c = 0; c < x.cols; c++) {
      const v = x.data[r * x.cols + c] ?? 0;
      out.data[r * x.cols + c] = (scale === 0 ? 0 : v / scale) * (gamma[c] ?? 0);
    }
  }
  return out;
}

/** The block's configured norm. */
export function applyNormMat(config: Pick<BlockConfig, "norm" | "epsilon">, weights: NormWeights, x: Mat): Mat {
  if (config.norm === "rmsnorm") return rmsNormMat(x, toVec(weights.gamma), config.epsilon);
  if (!weights.beta) throw new Error("reference: LayerNorm needs beta");
  return layerNormMat(x, toVec(weights.gamma), toVec(weights.beta), config.epsilon);
}

/** Float64 LayerNorm of `x: [seq, d]`; same contract as the tfjs `layerNorm`. */
export function layerNorm(x: Matrix, gamma: Vector, beta: Vector, epsilon: number): number[][] {
  return fromMat(layerNormMat(toMat(x), toVec(gamma), toVec(beta), epsilon));
}

/** Float64 RMSNorm of `x: [seq, d]`; same contract as the tfjs `rmsNorm`. */
export function rmsNorm(x: Matrix, gamma: Vector, epsilon: number): number[][] {
  return fromMat(rmsNormMat(toMat(x), toVec(gamma), epsilon));
}
