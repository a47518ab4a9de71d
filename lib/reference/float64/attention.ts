import { assertValidConfig, headDim, isVisible, kvHeadFor, ropeTables } from "../config";
import type { AttentionConfig, AttentionOutput, AttentionWeights, Matrix } from "../types";
import { fromMat, matmul, type Mat, toMat, zeros } from "./matrix";

/** In-place rotate-half RoPE on every head of `m: [seq, heads·dHead]` for positions `start..`. */
function ropeInPlace(m: Mat, heads: number, dHead: number, start: number, base: number): void {
  const { cos, sin } = ropeTables(start, m.rows, dHead, base);
  const half = dHead / 2;
  for (let r = 0; r < m.rows; r++) {
    for (let h = 0; h < heads; h++) {
      const o = r * m.cols + h * dHead;
      for (let k = 0; k < half; k++) {
        const a = m.data[o + k] ?? 0;
        const b = m.data[o + k + half] ?? 0;
        const c = cos[r * dHead + k] ?? 1;
        const s = sin[r * dHead + k] ?? 0;
        m.data[o + k] = a * c - b * s;
        m.data[o + k + half] = b * c + a * s;
      }
    }
  }
}

/** Q `[seq, nHeads·dHead]`, K and V `[seq, nKvHeads·dHead]` for rows at positions `start..`, RoPE applied. */
export function projectQkvMat(config: AttentionConfig, weights: AttentionWeights, x: Mat, start: number): { q: Mat; k: Mat; v: Mat } {
  const dHead = headDim(config);
  const q = matmul(x, toMat(weights.wq));
  const k = matmul(x, toMat(weights.wk));
  const v = matmul(x, toMat(weights.wv));
  if (config.rope) {
    ropeInPlace(q, config.nHeads, dHead, start, config.rope.base);
    ropeInPlace(k, config.nKvHeads, dHead, start, config.rope.base);
  }
  return { q, k, v };
}

/**
 * Masked softmax attention of queries at positions `queryStart..` over keys at
 * positions `0..k.rows-1`. Returns head outputs `[sq, nHeads·dHead]` (before
 * Wo) and weights `[nHeads][sq][sk]`; a fully masked row has zero weights.
 */
export function attendMat(config: AttentionConfig, q: Mat, k: Mat, v: Mat, queryStart: number): { heads: Mat; weights: number[][][] } {
  const dHead = headDim(config);
  const scale = 1 / Math.sqrt(dHead);
  const heads = zeros(q.rows, config.nHeads * dHead);
  const weights: number[][][] = [];
  for (let h = 0; h < config.nHeads; h++) {
    const kvOffset = kvHeadFor(config, h) * dHead;
    const headWeights: number[][] = [];
    for (let i = 0; i < q.rows; i++) {
      const row = new Array<number>(k.rows).fill(0);
      let max = -Infinity;
      for (let j = 0; j < k.rows; j++) {
        if (!isVisible(queryStart + i, j, config.window)) continue;
        let dot = 0;
        for (let c = 0; c < dHead; c++) dot += (q.data[i * q.cols + h * dHead + c] ?? 0) * (k.data[j * k.cols + kvOffset + c] ?? 0);
        row[j] = dot * scale;
        max = Math.max(max, dot * scale);
      }
      let sum = 0;
      for (let j = 0; j < k.rows; j++) {
        const e = isVisible(queryStart + i, j, config.window) ? Math.exp((row[j] ?? 0) - max) : 0;
        row[j] = e;
        sum += e;
      }
      for (let j = 0; j < k.rows; j++) {
        const w = sum === 0 ? 0 : (row[j] ?? 0) / sum;
        row[j] = w;
        if (w === 0) continue;
        for (let c = 0; c < dHead; c++) {
          const at = i * heads.cols + h * dHead + c;
          heads.data[at] = (heads.data[at] ?? 0) + w * (v.data[j * v.cols + kvOffset + c] ?? 0);
        }
      }
      headWeights.push(row);
    }
    weights.push(headWeights);
  }
  return { heads, weights };
}

/** Full causal self-attention of a Mat `[seq, dModel]`, after Wo. */
export function attentionMat(config: AttentionConfig, weights: AttentionWeights, x: Mat): { output: Mat; weights: number[][][] } {
  const { q, k, v } = projectQkvMat(config, weights, x, 0);
  const attended = attendMat(config, q, k, v, 0);
  return { output: matmul(attended.heads, toMat(weights.wo)), weights: attended.weights };
}

/** Float64 causal self-attention; same contract as the tfjs `causalAttention`. */
export function causalAttention(config: AttentionConfig, weights: AttentionWeights, x: Matrix): AttentionOutput {
  assertValidConfig(config);
  if (x.length === 0) return { output: [], attentionWeights: Array.from({ length: config.nHeads }, () => []) };
  const result = attentionMat(config, weights, toMat(x, config.dModel));
  return { output: fromMat(result.output), attentionWeights: result.weights };
}
