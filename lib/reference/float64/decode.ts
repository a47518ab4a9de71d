import { appendKv, assertValidConfig, assertWeightsFit, emptyKvCache, headDim } from "../config";
import type { BlockConfig, BlockWeights, KvCache, Matrix, Vector } from "../types";
import { attendMat, projectQkvMat } from "./attention";
import { blockAroundMat } from "./block";
import { fromMat, type Mat, matmul, toMat, zeros } from "./matrix";

/** Cache rows `[nKvHeads][t][dHead]` → Mat `[t, nKvHeads·dHead]`. */
function cachedMat(rows: number[][][], dHead: number): Mat {
  const length = rows[0]?.length ?? 0;
  const out = zeros(length, rows.length * dHead);
  for (const [g, head] of rows.entries()) {
    for (const [p, row] of head.entries()) out.data.set(row, p * out.cols + g * dHead);
  }
  return out;
}

/** Row 0 of `m: [1, heads·dHead]` split per head → `[heads][dHead]`. */
function splitRow(m: Mat, heads: number, dHead: number): number[][] {
  return Array.from({ length: heads }, (_, g) => Array.from(m.data.subarray(g * dHead, (g + 1) * dHead)));
}

/** Float64 single-token decode; same contract as the tfjs `decodeStep`. */
export function decodeStep(config: BlockConfig, weights: BlockWeights, cache: KvCache, token: Vector): { output: number[]; cache: KvCache } {
  assertValidConfig(config);
  assertWeightsFit(config, weights);
  const dHead = headDim(config);
  let next = cache;
  const output = blockAroundMat(config, weights, toMat([token], config.dModel), (input) => {
    const { q, k, v } = projectQkvMat(config, weights, input, cache.length);
    next = appendKv(cache, splitRow(k, config.nKvHeads, dHead), splitRow(v, config.nKvHeads, dHead));
    const attended = attendMat(config, q, cachedMat(next.keys, dHead), cachedMat(next.values, dHead), cache.length);
    return matmul(attended.heads, toMat(weights.wo));
  });
  return { output: fromMat(output)[0] ?? [], cache: next };
}

/** Float64 incremental decode of `x: [seq, dModel]`; same contract as the tfjs `decodeWithCache`. */
export function decodeWithCache(config: BlockConfig, weights: BlockWeights, x: Matrix): { outputs: number[][]; cache: KvCache } {
  let cache = emptyKvCache(config);
  const outputs: number[][] = [];
  for (let i = 0; i < x.length; i++) {
    const step = decodeStep(config, weights, cache, x[i] ?? []);
    outputs.push(step.output);
    cache = step.cache;
  }
  return { outputs, cache };
}
