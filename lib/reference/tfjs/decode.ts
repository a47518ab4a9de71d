import * as tf from "@tensorflow/tfjs-core";
import { appendKv, assertValidConfig, assertWeightsFit, emptyKvCache, headDim } from "../config";
import type { BlockConfig, BlockWeights, KvCache, Matrix, Vector } from "../types";
import { attendT, projectQkvT } from "./attention";
import { blockAroundT } from "./block";
import { matrixTensor, runTidy, toMatrices, toMatrix } from "./tensor-adapter";

/** Cached rows `[nKvHeads][t][dHead]` plus one new row per head → Tensor3D `[nKvHeads, t+1, dHead]`. */
function cachedTensor(rows: number[][][], dHead: number): tf.Tensor3D {
  const heads = rows.length;
  const length = rows[0]?.length ?? 0;
  const data = new Float32Array(heads * length * dHead);
  for (const [g, head] of rows.entries()) {
    for (const [p, row] of head.entries()) data.set(row, (g * length + p) * dHead);
  }
  return tf.tensor3d(data, [heads, length, dHead]);
}

/**
 * Decodes one token `token: [dModel]` at position `cache.length`: appends its
 * K and V to the cache and attends over every cached position. Returns the
 * block output `[dModel]` and the new cache (the input cache is not mutated).
 */
export function decodeStep(config: BlockConfig, weights: BlockWeights, cache: KvCache, token: Vector): { output: number[]; cache: KvCache } {
  assertValidConfig(config);
  assertWeightsFit(config, weights);
  const dHead = headDim(config);
  return runTidy(() => {
    let next = cache;
    const output = blockAroundT(config, weights, matrixTensor([token], config.dModel), (input) => {
      const { q, k, v } = projectQkvT(config, weights, input, cache.length);
      const firstRow = (t: tf.Tensor3D): number[][] => toMatrices(t).map((head) => head[0] ?? []);
      next = appendKv(cache, firstRow(k), firstRow(v));
      const attended = attendT(config, q, cachedTensor(next.keys, dHead), cachedTensor(next.values, dHead), cache.length);
      return tf.matMul(attended.heads, matrixTensor(weights.wo));
    });
    return { output: toMatrix(output)[0] ?? [], cache: next };
  });
}

/**
 * Runs `x: [seq, dModel]` through the block one position at a time with a KV
 * cache; `outputs[i]` must equal `forwardBlock(...).output[i]`.
 */
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
