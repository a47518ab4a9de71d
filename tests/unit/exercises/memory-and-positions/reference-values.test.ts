import { describe, expect, it } from "vitest";
import * as float64 from "@/lib/reference/float64";
import type { StepValues } from "@/lib/grading/exercise-definition";
import { memoryAndPositions } from "@/exercises/groups/memory-and-positions";
import { solveKvCache, type KvCacheParams } from "@/exercises/kv-cache-gqa-bytes";
import { roundedSwigluWidth, solveParameterCounts } from "@/exercises/parameter-counts";
import { solveResidualChain } from "@/exercises/residual-gradient-chain";
import { solveSinusoidal } from "@/exercises/sinusoidal-pe-value";
import { solveRope } from "@/exercises/rope-rotation";
import { solveDecodeWork } from "@/exercises/kv-cache-decode-work";

/** Element-wise toBeCloseTo for scalars and vectors. */
function expectClose(actual: StepValues, expected: Record<string, number | number[]>, digits = 6): void {
  expect(Object.keys(actual).sort()).toEqual(Object.keys(expected).sort());
  for (const [key, want] of Object.entries(expected)) {
    const got = actual[key];
    if (typeof want === "number") expect(got, key).toBeCloseTo(want, digits);
    else {
      const cells = Array.isArray(got) ? got.flat() : [];
      expect(cells.length, key).toBe(want.length);
      for (const [i, w] of want.entries()) expect(cells[i], `${key}[${i}]`).toBeCloseTo(w, digits);
    }
  }
}

// Seed 1 of every exercise, each value worked by hand from the printed inputs.
const SEED_ONE: { slug: string; inputs: Record<string, unknown>; values: Record<string, number | number[]> }[] = [
  {
    slug: "kv-cache-gqa-bytes",
    inputs: { layers: 16, queryHeads: 32, kvHeads: 8, dHead: 128, seqLen: 8192, batch: 4, precision: "INT8" },
    // 2·8·128·1 B = 2048; ×16 layers ×8192 tokens ×4 sequences = 2^30 B = 1024 MiB; 32/8 = 4.
    values: { bytesPerTokenLayer: 2048, totalBytes: 1_073_741_824, totalMiB: 1024, mhaRatio: 4 },
  },
  {
    slug: "kv-cache-decode-work",
    inputs: { promptLen: 14, newTokens: 5, position: 16, positionsFrom: 0 },
    // Step at t = 16 projects 0…16 = 17; steps t = 14…18 project 15+16+17+18+19 = 85; cached: 5; 85/5 = 17.
    values: { stepWithout: 17, totalWithout: 85, totalWith: 5, ratio: 17 },
  },
  {
    slug: "parameter-counts",
    inputs: { dModel: 3072, swigluWidth: 8192 },
    // 4·3072² , 8·3072², 12·3072², 8·3072/3 = 8192, 3·3072·8192.
    values: { attention: 37_748_736, ffn: 75_497_472, block: 113_246_208, swigluHidden: 8192, swigluParams: 75_497_472 },
  },
  {
    slug: "attention-ffn-flop-crossover",
    inputs: { dModel: 2048, heads: 8, dHead: 256, context: 4096 },
    // 4·4096·2048; 16·2048²; 4·2048.
    values: { attentionFlops: 33_554_432, ffnFlops: 67_108_864, crossover: 8192 },
  },
  {
    slug: "sliding-window-visibility",
    inputs: { seqLen: 8, window: 4, query: 4, positionsFrom: 0 },
    values: { mask: [0, 1, 1, 1, 1, 0, 0, 0], firstVisible: 1, count: 4 },
  },
  {
    slug: "rope-rotation",
    inputs: { dHead: 16, base: 10000, layout: "rotate-half", pair: 2, dimensions: [2, 10], position: 23, positionsFrom: 0, x: [3, 3] },
    // θ = 10000^(−4/16) = 0.1; φ = 2.3; cos φ = −0.666276, sin φ = 0.745705.
    values: { theta: 0.1, angle: 2.3, rotated: [3 * -0.666276 - 3 * 0.745705, 3 * 0.745705 + 3 * -0.666276] },
  },
  {
    slug: "alibi-bias-row",
    inputs: { heads: 8, head: 1, query: 13, keys: [8, 9, 10, 11, 12, 13], positionsFrom: 0 },
    values: { slope: 0.5, biasRow: [-2.5, -2, -1.5, -1, -0.5, 0] },
  },
  {
    slug: "sinusoidal-pe-value",
    inputs: { dModel: 16, position: 23, dim: 5, base: 10000, positionsFrom: 0 },
    // Dimension 5 = 2·2 + 1 → cos(23 / 10000^(4/16)) = cos(2.3).
    values: { angle: 2.3, value: -0.666276 },
  },
  {
    slug: "residual-gradient-chain",
    inputs: { layers: 6, slopes: [0.2, 0.8, 1.4, 1.4, 0.5, 0.9] },
    // 0.2·0.8·1.4·1.4·0.5·0.9 and 1.2·1.8·2.4·2.4·1.5·1.9.
    values: { plain: 0.14112, residual: 35.45856 },
  },
];

describe("seed 1, hand-checked", () => {
  it.each(SEED_ONE)("$slug", ({ slug, inputs, values }) => {
    const exercise = memoryAndPositions.find((e) => e.slug === slug);
    if (exercise === undefined) throw new Error(`missing ${slug}`);
    expect(exercise.variant(1).inputs).toEqual(inputs);
    expectClose(exercise.solve(1, float64), values, 5);
  });
});

const SEED_GQA: KvCacheParams = { layers: 1, queryHeads: 32, kvHeads: 8, dHead: 128, seqLen: 4000, batch: 1, precision: "FP16" };

type Worked = { name: string; values: StepValues; expected: Record<string, number | number[]> };

const WORKED: Worked[] = [
  {
    name: "GQA, 8 KV heads, one layer, 4000 tokens, FP16: 16,384,000 bytes",
    values: solveKvCache(SEED_GQA),
    expected: { bytesPerTokenLayer: 4096, totalBytes: 16_384_000, totalMiB: 15.625, mhaRatio: 4 },
  },
  {
    name: "full MHA, 32 KV heads: 65,536,000 bytes = 62.5 MiB",
    values: solveKvCache({ ...SEED_GQA, kvHeads: 32 }),
    expected: { bytesPerTokenLayer: 16_384, totalBytes: 65_536_000, totalMiB: 62.5, mhaRatio: 1 },
  },
  {
    name: "GQA with 16 KV heads (the notes' exercise): half the MHA cache",
    values: solveKvCache({ ...SEED_GQA, kvHeads: 16 }),
    expected: { bytesPerTokenLayer: 8192, totalBytes: 32_768_000, totalMiB: 31.25, mhaRatio: 2 },
  },
  {
    name: "INT8 halves the FP16 cache",
    values: solveKvCache({ ...SEED_GQA, precision: "INT8" }),
    expected: { bytesPerTokenLayer: 2048, totalBytes: 8_192_000, totalMiB: 7.8125, mhaRatio: 4 },
  },
  {
    name: "LLaMA-7B shapes: d = 4096, SwiGLU width 11008",
    values: solveParameterCounts({ dModel: 4096, swigluWidth: roundedSwigluWidth(4096) }),
    expected: { attention: 67_108_864, ffn: 134_217_728, block: 201_326_592, swigluHidden: 10922.6667, swigluParams: 135_266_304 },
  },
  {
    name: "slope 0.6 over 12 plain layers vanishes; residual keeps 1.6^12",
    values: solveResidualChain({ slopes: Array.from({ length: 12 }, () => 0.6) }),
    expected: { plain: 0.0021768, residual: 281.475 },
  },
  {
    name: "slope 1.4 over 12 plain layers explodes",
    values: solveResidualChain({ slopes: Array.from({ length: 12 }, () => 1.4) }),
    expected: { plain: 56.69391, residual: 36_520.347 },
  },
  {
    name: "mixed chain 0.8, 1.1, 0.7, 1.3, 0.9, 1.2, 0.6, 1.4",
    values: solveResidualChain({ slopes: [0.8, 1.1, 0.7, 1.3, 0.9, 1.2, 0.6, 1.4] }),
    expected: { plain: 0.72648576, residual: 1.8 * 2.1 * 1.7 * 2.3 * 1.9 * 2.2 * 1.6 * 2.4 },
  },
  {
    name: "sinusoidal PE(1, 0) = sin(1)",
    values: solveSinusoidal({ dModel: 8, position: 1, dim: 0 }),
    expected: { angle: 1, value: 0.841471 },
  },
  {
    name: "RoPE pair 0 at position 1: (1, 0) turns by 1 radian to (cos 1, sin 1)",
    values: solveRope({ dHead: 8, pair: 0, position: 1, x: [1, 0] }),
    expected: { theta: 1, angle: 1, rotated: [Math.cos(1), Math.sin(1)] },
  },
  {
    name: "decode from a 1-token prompt, 4 new tokens: 2+3+4+5 without cache",
    values: solveDecodeWork({ promptLen: 1, newTokens: 4, position: 1 }),
    expected: { stepWithout: 2, totalWithout: 14, totalWith: 4, ratio: 3.5 },
  },
];

describe("worked examples from the course notes", () => {
  it.each(WORKED)("$name", ({ values, expected }) => {
    const digits = Object.values(expected).some((v) => typeof v === "number" && Math.abs(v) > 1000) ? 0 : 4;
    expectClose(values, expected, digits);
  });
});
