import type { BlockConfig, FfnWeights, Matrix } from "../types";
import { fromMat, map, matmul, type Mat, toMat, zipWith } from "./matrix";

/**
 * erf(x) to ≈1e-16 via the all-positive series
 * `erf(x) = 2/√π · e^(−x²) · Σ 2ⁿ x^(2n+1) / (1·3·…·(2n+1))` (no cancellation);
 * |x| ≥ 6 returns ±1 (1 − erf(6) < 3e-17).
 */
export function erf(x: number): number {
  const a = Math.abs(x);
  if (a >= 6) return Math.sign(x);
  let term = a;
  let sum = a;
  for (let n = 1; term > sum * 1e-17; n++) {
    term *= (2 * a * a) / (2 * n + 1);
    sum += term;
  }
  return Math.sign(x) * (2 / Math.sqrt(Math.PI)) * Math.exp(-a * a) * sum;
}

/** Exact GELU. */
export function gelu(x: number): number {
  return 0.5 * x * (1 + erf(x * Math.SQRT1_2));
}

/** GELU or SwiGLU FFN on a Mat `[seq, dModel]`. */
export function feedForwardMat(config: Pick<BlockConfig, "ffn">, weights: FfnWeights, x: Mat): Mat {
  const up = matmul(x, toMat(weights.w1));
  if (config.ffn === "gelu") return matmul(map(up, gelu), toMat(weights.w2));
  if (!weights.w3) throw new Error("reference: SwiGLU needs weights.w3");
  const gated = zipWith(up, matmul(x, toMat(weights.w3)), (u, g) => (u / (1 + Math.exp(-u))) * g);
  return matmul(gated, toMat(weights.w2));
}

/** Float64 feed-forward sublayer; same contract as the tfjs `feedForward`. */
export function feedForward(config: Pick<BlockConfig, "ffn">, weights: FfnWeights, x: Matrix): number[][] {
  if (x.length === 0) return [];
  return fromMat(feedForwardMat(config, weights, toMat(x)));
}
