// The dense tfjs entry points and their fault options: no faults is exactly
// the existing reference, and each fault computes the bug it names.
import { beforeAll, describe, expect, it } from "vitest";
import { fromRows, toRows } from "@/lib/labs/lab-data";
import type { Tensor } from "@/lib/labs/lab-types";
import {
  denseAttention,
  denseForwardBlock,
  denseLayerNorm,
  denseScaledDotProductAttention,
  float64,
  initReferenceBackend,
  randomBlockWeights,
  randomInput,
  type BlockWeights,
} from "@/lib/reference";
import { causalAttention } from "@/lib/reference/tfjs/attention";
import { forwardBlock } from "@/lib/reference/tfjs/block";
import { NAMED_CONFIGS } from "../reference/fixtures";

beforeAll(async () => {
  await initReferenceBackend();
});

const dense = (w: BlockWeights) => {
  const vec = (v: ArrayLike<number>): Tensor => ({ shape: [v.length], data: Float64Array.from(Array.from(v)) });
  const norm = (n: BlockWeights["norm1"]) => (n.beta ? { gamma: vec(n.gamma), beta: vec(n.beta) } : { gamma: vec(n.gamma) });
  const m = (rows: ArrayLike<ArrayLike<number>>) => fromRows(Array.from(rows, (r) => Array.from(r)));
  return {
    wq: m(w.wq),
    wk: m(w.wk),
    wv: m(w.wv),
    wo: m(w.wo),
    w1: m(w.w1),
    w2: m(w.w2),
    ...(w.w3 ? { w3: m(w.w3) } : {}),
    norm1: norm(w.norm1),
    norm2: norm(w.norm2),
  };
};
const maxDiff = (a: Tensor, b: Tensor): number => Math.max(0, ...Array.from(a.data, (v, i) => Math.abs(v - (b.data[i] ?? Number.NaN))));

describe("denseForwardBlock without faults is the existing forwardBlock", () => {
  it.each(NAMED_CONFIGS)("$name", ({ config }) => {
    const weights = randomBlockWeights(config, 5);
    const x = randomInput(5, config.dModel, 6);
    const plain = fromRows(forwardBlock(config, weights, x).output);
    const viaDense = denseForwardBlock(config, dense(weights), fromRows(x));
    expect(Array.from(viaDense.data)).toEqual(Array.from(plain.data));
    const explicit = denseForwardBlock(config, dense(weights), fromRows(x), {
      attention: { visible: (i, j) => j <= i && (config.window === undefined || j > i - config.window), ropePosition: (r) => r },
    });
    expect(Array.from(explicit.data)).toEqual(Array.from(plain.data));
  });
});

describe("norm faults", () => {
  const x = fromRows([
    [1, 2, 3, 6],
    [0.001, 0.002, 0.003, 0.002],
  ]);
  const gamma: Tensor = { shape: [4], data: Float64Array.from([1, 1, 1, 1]) };
  const beta: Tensor = { shape: [4], data: new Float64Array(4) };
  const eps = 1e-5;
  const manual = (divisor: number, denominator: (v: number) => number, centre = true) =>
    toRows(x).map((row) => {
      const mean = centre ? row.reduce((a, b) => a + b, 0) / 4 : 0;
      const v = row.reduce((a, b) => a + (b - mean) ** 2, 0) / divisor;
      return row.map((value) => (value - mean) / denominator(v));
    });
  it.each([
    { name: "none", faults: {}, expected: manual(4, (v) => Math.sqrt(v + eps)) },
    { name: "sample variance", faults: { sampleVariance: true }, expected: manual(3, (v) => Math.sqrt(v + eps)) },
    { name: "epsilon outside the root", faults: { epsilon: "outside" as const }, expected: manual(4, (v) => Math.sqrt(v) + eps) },
    { name: "epsilon dropped", faults: { epsilon: "dropped" as const }, expected: manual(4, (v) => Math.sqrt(v)) },
    { name: "mean not subtracted", faults: { skipMean: true }, expected: manual(4, (v) => Math.sqrt(v + eps), false) },
  ])("$name", ({ faults, expected }) => {
    expect(maxDiff(denseLayerNorm(x, gamma, beta, eps, faults), fromRows(expected))).toBeLessThan(1e-4);
  });
});

describe("attention faults", () => {
  const q = fromRows([
    [1, 0],
    [0, 1],
    [1, 1],
  ]);
  const k = fromRows([
    [1, 0],
    [0, 2],
    [1, -1],
  ]);
  const v = fromRows([
    [1, 0],
    [0, 1],
    [2, 2],
  ]);
  const softmaxRow = (scores: number[]): number[] => {
    const m = Math.max(...scores);
    const e = scores.map((s) => Math.exp(s - m));
    const sum = e.reduce((a, b) => a + b, 0);
    return e.map((x) => x / sum);
  };
  /** Reference by hand: weights from `scoresFor`, visible keys per row. */
  const byHand = (scale: number, visible: (i: number, j: number) => boolean): number[][] =>
    toRows(q).map((qi, i) => {
      const keys = toRows(k)
        .map((kj, j) => ({ j, s: ((qi[0] ?? 0) * (kj[0] ?? 0) + (qi[1] ?? 0) * (kj[1] ?? 0)) * scale }))
        .filter(({ j }) => visible(i, j));
      const w = softmaxRow(keys.map((x) => x.s));
      return [0, 1].map((c) => keys.reduce((acc, { j }, n) => acc + (w[n] ?? 0) * (toRows(v)[j]?.[c] ?? 0), 0));
    });
  it.each([
    { name: "none", faults: {}, expected: byHand(Math.SQRT1_2, (i, j) => j <= i) },
    { name: "no mask", faults: { mask: "none" as const }, expected: byHand(Math.SQRT1_2, () => true) },
    { name: "wrong triangle", faults: { mask: "upper" as const }, expected: byHand(Math.SQRT1_2, (i, j) => j >= i) },
    { name: "no scaling", faults: { scale: "none" as const }, expected: byHand(1, (i, j) => j <= i) },
    { name: "custom visibility", faults: { visible: (i: number, j: number) => j === i }, expected: byHand(Math.SQRT1_2, (i, j) => j === i) },
  ])("$name", ({ faults, expected }) => {
    expect(maxDiff(denseScaledDotProductAttention(q, k, v, faults), fromRows(expected))).toBeLessThan(1e-5);
  });

  it("tiled KV heads equal grouped ones when every query head has its own KV head", () => {
    const config = { dModel: 8, nHeads: 2, nKvHeads: 2 };
    const w = dense(randomBlockWeights({ ...config, dFf: 4, norm: "rmsnorm", placement: "pre", ffn: "gelu", epsilon: 1e-5 }, 9));
    const x = fromRows(randomInput(4, 8, 10));
    expect(Array.from(denseAttention(config, w, x, { kvHeads: "tiled" }).data)).toEqual(Array.from(denseAttention(config, w, x).data));
    expect(
      maxDiff(
        denseAttention(config, w, x),
        fromRows(causalAttention(config, { wq: toRows(w.wq), wk: toRows(w.wk), wv: toRows(w.wv), wo: toRows(w.wo) }, toRows(x)).output),
      ),
    ).toBe(0);
  });
});

describe("faults added for the mistake families", () => {
  const geluConfig = NAMED_CONFIGS[0]?.config;
  if (!geluConfig) throw new Error("fixtures changed");
  // d_head = 8: with d_head = 2 the two rotary layouts coincide.
  const ropeConfig = {
    dModel: 16,
    nHeads: 2,
    nKvHeads: 1,
    dFf: 12,
    norm: "rmsnorm",
    placement: "pre",
    ffn: "swiglu",
    epsilon: 1e-6,
    rope: { base: 100 },
  } as const;
  const withRows = (t: Tensor, f: (row: number[], r: number) => number[]): Tensor => fromRows(toRows(t).map(f));
  const zeros = (t: Tensor): Tensor => ({ shape: t.shape, data: new Float64Array(t.data.length) });

  it("scale 'dim' divides the scores by d, not √d", () => {
    const q = fromRows([
      [1, 0],
      [0, 1],
    ]);
    const k = fromRows([
      [2, 0],
      [1, 3],
    ]);
    const v = fromRows([
      [1, 0],
      [0, 1],
    ]);
    // Row 1: scores (0·1 + 1·0, 0·1 + 1·3)/2 = (0, 1.5), weights ∝ (1, e^1.5).
    const w1 = Math.exp(1.5) / (1 + Math.exp(1.5));
    expect(
      maxDiff(
        denseScaledDotProductAttention(q, k, v, { scale: "dim" }),
        fromRows([
          [1, 0],
          [1 - w1, w1],
        ]),
      ),
    ).toBeLessThan(1e-6);
  });

  it("interleaved RoPE equals rotate-half on query and key columns regrouped within each head", () => {
    const w = dense(randomBlockWeights(ropeConfig, 21));
    const x = fromRows(randomInput(5, ropeConfig.dModel, 22));
    const dHead = ropeConfig.dModel / ropeConfig.nHeads;
    // Column 2k of a head goes to k, 2k + 1 to k + dHead/2: the interleaved pairs become rotate-half's.
    const regroup = (m: Tensor): Tensor =>
      withRows(m, (row) =>
        row.map((_, c) => {
          const head = Math.floor(c / dHead);
          const within = c % dHead;
          const from = within < dHead / 2 ? 2 * within : 2 * (within - dHead / 2) + 1;
          return row[head * dHead + from] ?? Number.NaN;
        }),
      );
    const regrouped = denseForwardBlock(ropeConfig, { ...w, wq: regroup(w.wq), wk: regroup(w.wk) }, x);
    expect(maxDiff(denseForwardBlock(ropeConfig, w, x, { attention: { rope: "interleaved" } }), regrouped)).toBeLessThan(1e-5);
    expect(maxDiff(denseForwardBlock(ropeConfig, w, x, { attention: { rope: "interleaved" } }), denseForwardBlock(ropeConfig, w, x))).toBeGreaterThan(1e-3);
  });

  it("rope 'none' is the block without rotary embeddings", () => {
    const w = dense(randomBlockWeights(ropeConfig, 23));
    const x = fromRows(randomInput(5, ropeConfig.dModel, 24));
    const { rope: _rope, ...unrotated } = ropeConfig;
    expect(maxDiff(denseForwardBlock(ropeConfig, w, x, { attention: { rope: "none" } }), denseForwardBlock(unrotated, w, x))).toBe(0);
  });

  describe("with the attention output zeroed (h = x), norm and FFN faults show alone", () => {
    const w = dense(randomBlockWeights(geluConfig, 25));
    const x = fromRows(randomInput(4, geluConfig.dModel, 26));
    const silent = { ...w, wo: zeros(w.wo) };

    it("a fault in the first norm alone changes nothing; in the second alone it is the fault in both", () => {
      const both = denseForwardBlock(geluConfig, silent, x, { norm: { sampleVariance: true } });
      expect(maxDiff(denseForwardBlock(geluConfig, silent, x, { norm1: { sampleVariance: true } }), denseForwardBlock(geluConfig, silent, x))).toBe(0);
      expect(maxDiff(denseForwardBlock(geluConfig, silent, x, { norm2: { sampleVariance: true } }), both)).toBe(0);
      expect(maxDiff(both, denseForwardBlock(geluConfig, silent, x))).toBeGreaterThan(1e-3);
    });

    it("tanh GELU is 0.5·u·(1 + tanh(√(2/π)(u + 0.044715u³))) of the second norm's output times W1", () => {
      const ln = float64.layerNorm(toRows(x), w.norm2.gamma.data, w.norm2.beta?.data ?? [], geluConfig.epsilon);
      const matmul = (a: number[][], b: Tensor): number[][] =>
        a.map((row) => toRows(b)[0]?.map((_, c) => row.reduce((s, v, i) => s + v * (toRows(b)[i]?.[c] ?? 0), 0)) ?? []);
      const gelu = (u: number): number => 0.5 * u * (1 + Math.tanh(Math.sqrt(2 / Math.PI) * (u + 0.044715 * u ** 3)));
      const ffn = matmul(
        matmul(ln, w.w1).map((row) => row.map(gelu)),
        w.w2,
      );
      const expected = fromRows(toRows(x).map((row, r) => row.map((v, c) => v + (ffn[r]?.[c] ?? 0))));
      expect(maxDiff(denseForwardBlock(geluConfig, silent, x, { gelu: "tanh" }), expected)).toBeLessThan(1e-5);
    });

    it("a normalised stream carries N(x) on the shortcut: y = N2(N1(x)) when the FFN's output is zero too", () => {
      const quiet = { ...silent, w2: zeros(w.w2) };
      const n1 = float64.layerNorm(toRows(x), w.norm1.gamma.data, w.norm1.beta?.data ?? [], geluConfig.epsilon);
      const n2 = float64.layerNorm(n1, w.norm2.gamma.data, w.norm2.beta?.data ?? [], geluConfig.epsilon);
      expect(maxDiff(denseForwardBlock(geluConfig, quiet, x, { normalisedStream: true }), fromRows(n2))).toBeLessThan(1e-5);
    });
  });
});
