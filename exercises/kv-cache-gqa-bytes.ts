// KV-cache memory under MHA / GQA / MQA: bytes per token per layer, the whole
// cache in bytes and MiB, and how much a full multi-head cache would cost.
import { defineExercise, type StepValues } from "../lib/grading/exercise-definition";
import { seededRandom } from "../lib/reference/seeded-random";

/** Storage precision of the cached numbers, with its size in bytes (INT4 packs two per byte). */
export const PRECISIONS = { FP16: 2, INT8: 1, INT4: 0.5 } as const;
export type Precision = keyof typeof PRECISIONS;

export type KvCacheParams = {
  layers: number;
  queryHeads: number;
  /** KV heads shared by the query heads; a divisor of `queryHeads`, smaller than it. */
  kvHeads: number;
  dHead: number;
  seqLen: number;
  batch: number;
  precision: Precision;
};

const MIB = 2 ** 20;

const pick = <T>(random: () => number, options: readonly [T, ...T[]]): T => options[Math.floor(random() * options.length)] ?? options[0];

/** Cache size when `kvHeads` heads each store one K and one V vector per token, layer and sequence. */
function cacheBytes(p: KvCacheParams, kvHeads: number): { perTokenPerLayer: number; total: number } {
  const perTokenPerLayer = 2 * kvHeads * p.dHead * PRECISIONS[p.precision];
  return { perTokenPerLayer, total: perTokenPerLayer * p.layers * p.seqLen * p.batch };
}

/**
 * Reference values: bytes per token per layer (K and V of every KV head), total bytes over
 * layers × tokens × batch, the total in MiB (2²⁰ bytes), and the MHA/GQA size ratio.
 */
export function solveKvCache(p: KvCacheParams): StepValues {
  const { perTokenPerLayer, total } = cacheBytes(p, p.kvHeads);
  return { bytesPerTokenLayer: perTokenPerLayer, totalBytes: total, totalMiB: total / MIB, mhaRatio: p.queryHeads / p.kvHeads };
}

/**
 * KV-head counts per query-head count. Ratios of 8 are left out so a cache sized with query heads
 * (×H/g) never coincides with one sized in bits (×8), and each wrong method stays distinguishable.
 */
const KV_HEAD_CHOICES = { 16: [1, 4, 8], 32: [1, 2, 8, 16], 64: [1, 4, 16, 32] } as const;

export default defineExercise<KvCacheParams>({
  slug: "kv-cache-gqa-bytes",
  title: "KV-cache memory with grouped-query attention",
  topic: "KV cache",
  difficulty: "MEDIUM",
  steps: [
    {
      key: "bytesPerTokenLayer",
      label: "Bytes per token per layer",
      answer: { shape: "scalar", unit: "bytes" },
      tolerance: { mode: "relative", rel: 0, abs: 0.5 },
    },
    { key: "totalBytes", label: "Whole cache in bytes", answer: { shape: "scalar", unit: "bytes" }, tolerance: { mode: "relative", rel: 0, abs: 0.5 } },
    {
      key: "totalMiB",
      label: "Whole cache in MiB",
      answer: { shape: "scalar", unit: "MiB" },
      tolerance: { mode: "relative", rel: 0.01 },
      hint: "1 MiB is 2^20 = 1,048,576 bytes, not 10^6.",
    },
    { key: "mhaRatio", label: "Full-MHA cache ÷ this cache", answer: { shape: "scalar" }, tolerance: { mode: "relative", rel: 0.01 } },
  ],
  generate: (seed) => {
    const random = seededRandom(seed);
    const queryHeads = pick(random, [16, 32, 64] as const);
    return {
      layers: pick(random, [16, 24, 32, 40, 48, 80]),
      queryHeads,
      kvHeads: pick(random, KV_HEAD_CHOICES[queryHeads]),
      dHead: pick(random, [64, 128]),
      seqLen: pick(random, [1024, 2048, 4000, 4096, 8192]),
      batch: pick(random, [4, 8]),
      precision: pick(random, ["FP16", "INT8", "INT4"] as const),
    };
  },
  prompt: (p) =>
    [
      `A decoder has **${p.layers} layers** and **${p.queryHeads} query heads** per layer, which share **${p.kvHeads} KV head${p.kvHeads === 1 ? "" : "s"}**; each head has $d_{head} = ${p.dHead}$.`,
      `It serves a batch of **${p.batch} sequences**, each with **${p.seqLen} cached tokens**, and stores the cache in **${p.precision}** (${PRECISIONS[p.precision] * 8} bits per number).`,
      "",
      "1. How many **bytes** does one token's cache take in one layer (keys and values of every KV head)?",
      "2. How many **bytes** does the whole cache take (all layers, tokens and sequences)?",
      "3. The same total in **MiB** ($1\\ \\text{MiB} = 2^{20}$ bytes).",
      "4. How many times larger would the cache be with full multi-head attention (one KV head per query head), all else equal?",
    ].join("\n"),
  inputs: (p) => ({ ...p }),
  solve: (p) => solveKvCache(p),
  misconceptions: [
    {
      code: "query-heads-not-kv-heads",
      message: "You sized the cache with the query heads. Only the KV heads store keys and values; the query heads share them.",
      answers: (p) => {
        const { perTokenPerLayer, total } = cacheBytes(p, p.queryHeads);
        return { bytesPerTokenLayer: perTokenPerLayer, totalBytes: total, totalMiB: total / MIB, mhaRatio: 1 };
      },
    },
    {
      code: "forgot-k-or-v",
      message: "Your total is half the cache: every token stores both a key and a value vector, so count a factor of 2.",
      answers: (p) => {
        const { perTokenPerLayer, total } = cacheBytes(p, p.kvHeads);
        return { bytesPerTokenLayer: perTokenPerLayer / 2, totalBytes: total / 2, totalMiB: total / 2 / MIB };
      },
    },
    {
      code: "mb-vs-mib",
      message: "You divided by 10^6 (MB) but the question asks for MiB, which is 2^20 = 1,048,576 bytes.",
      answers: (p) => ({ totalMiB: cacheBytes(p, p.kvHeads).total / 1e6 }),
    },
    {
      code: "bits-not-bytes",
      message: "You counted bits per number as if they were bytes. FP16 is 2 bytes, INT8 1 byte, INT4 half a byte.",
      answers: (p) => {
        const { perTokenPerLayer, total } = cacheBytes(p, p.kvHeads);
        return { bytesPerTokenLayer: perTokenPerLayer * 8, totalBytes: total * 8, totalMiB: (total * 8) / MIB };
      },
    },
    {
      code: "forgot-layers",
      message: "Every layer keeps its own cache: multiply by the number of layers.",
      answers: (p) => {
        const total = cacheBytes(p, p.kvHeads).total / p.layers;
        return { totalBytes: total, totalMiB: total / MIB };
      },
    },
    {
      code: "forgot-batch",
      message: "Each sequence in the batch has its own cache: multiply by the batch size.",
      answers: (p) => {
        const total = cacheBytes(p, p.kvHeads).total / p.batch;
        return { totalBytes: total, totalMiB: total / MIB };
      },
    },
  ],
});
