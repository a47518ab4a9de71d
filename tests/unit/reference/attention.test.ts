import { beforeAll, describe, expect, it } from "vitest";
import { initReferenceBackend } from "@/lib/reference/backend";
import * as f64 from "@/lib/reference/float64";
import { randomBlockWeights, randomInput } from "@/lib/reference/seeded-random";
import { causalAttention } from "@/lib/reference/tfjs/attention";
import { forwardBlock } from "@/lib/reference/tfjs/block";
import type { AttentionConfig, AttentionWeights, BlockConfig } from "@/lib/reference/types";
import { hasNonFinite, maxAbsDiff, NAMED_CONFIGS } from "./fixtures";

beforeAll(async () => {
  await initReferenceBackend();
});

const paths = [
  { path: "tfjs", causalAttention, forwardBlock, tolerance: 1e-5 },
  { path: "float64", causalAttention: f64.causalAttention, forwardBlock: f64.forwardBlock, tolerance: 1e-12 },
];

/** Repeats each KV head's columns so KV head g serves exactly the query heads GQA would give it. */
function expandKv(config: AttentionConfig, w: AttentionWeights["wk"]): number[][] {
  const dHead = config.dModel / config.nHeads;
  const group = config.nHeads / config.nKvHeads;
  return Array.from(w, (row) =>
    Array.from({ length: config.nHeads * dHead }, (_, col) => {
      const h = Math.floor(col / dHead);
      return row[Math.floor(h / group) * dHead + (col % dHead)] ?? 0;
    }),
  );
}

describe.each(paths)("$path attention", ({ causalAttention: attend, forwardBlock: forward, tolerance }) => {
  it.each([
    { name: "window 0: no key visible", window: 0 },
    { name: "window 1: only itself", window: 1 },
    { name: "no window", window: undefined },
  ])("weights are defined and rows sum to 1 or 0 — $name", ({ window }) => {
    const config: AttentionConfig = { dModel: 4, nHeads: 2, nKvHeads: 1, ...(window === undefined ? {} : { window }) };
    const weights = randomBlockWeights({ ...config, dFf: 4, norm: "rmsnorm", placement: "pre", ffn: "gelu", epsilon: 1e-5 }, 3);
    const { output, attentionWeights } = attend(config, weights, randomInput(4, 4, 4));
    expect(hasNonFinite(output)).toBe(false);
    for (const head of attentionWeights) {
      head.forEach((row, i) => {
        const visible = row.filter((_, j) => j <= i && (window === undefined || j > i - window)).length;
        const sum = row.reduce((a, b) => a + b, 0);
        expect(sum).toBeCloseTo(visible === 0 ? 0 : 1, 6);
        row.forEach((w, j) => {
          if (j > i || (window !== undefined && j <= i - window)) expect(w).toBe(0);
        });
      });
    }
    if (window === 0) expect(output.every((row) => row.every((v) => v === 0))).toBe(true);
    if (window === 1) expect(attentionWeights.every((head) => head.every((row, i) => Math.abs((row[i] ?? 0) - 1) < 1e-6))).toBe(true);
  });

  it.each(NAMED_CONFIGS)("changing a future token leaves earlier outputs unchanged — $name", ({ config }) => {
    const weights = randomBlockWeights(config, 11);
    const x = randomInput(5, config.dModel, 12);
    const changed = x.map((row, i) => (i === 3 ? row.map((v) => v + 5) : row));
    const before = forward(config, weights, x).output;
    const after = forward(config, weights, changed).output;
    expect(maxAbsDiff(before.slice(0, 3), after.slice(0, 3))).toBe(0);
    expect(maxAbsDiff(before.slice(3, 4), after.slice(3, 4))).toBeGreaterThan(1e-3);
  });

  it.each([
    { name: "GQA 4 heads / 2 KV", nHeads: 4, nKvHeads: 2, rope: undefined },
    { name: "MQA 4 heads / 1 KV with RoPE", nHeads: 4, nKvHeads: 1, rope: { base: 10000 } },
    { name: "GQA 6 heads / 3 KV with window", nHeads: 6, nKvHeads: 3, rope: undefined, window: 2 },
  ])("$name equals MHA with each KV head repeated for its group", ({ nHeads, nKvHeads, rope, window }) => {
    const config: BlockConfig = {
      dModel: nHeads * 2,
      nHeads,
      nKvHeads,
      dFf: 4,
      norm: "rmsnorm",
      placement: "pre",
      ffn: "gelu",
      epsilon: 1e-5,
      ...(rope ? { rope } : {}),
      ...(window ? { window } : {}),
    };
    const weights = randomBlockWeights(config, 21);
    const x = randomInput(5, config.dModel, 22);
    const grouped = attend(config, weights, x);
    const mha = attend({ ...config, nKvHeads: nHeads }, { ...weights, wk: expandKv(config, weights.wk), wv: expandKv(config, weights.wv) }, x);
    expect(maxAbsDiff(grouped.output, mha.output)).toBeLessThan(tolerance);
  });
});

describe("float64 attention by hand", () => {
  it("one head, two tokens, identity projections", () => {
    const identity = [
      [1, 0],
      [0, 1],
    ];
    const config: AttentionConfig = { dModel: 2, nHeads: 1, nKvHeads: 1 };
    const x = [
      [1, 0],
      [0, 1],
    ];
    const { output, attentionWeights } = f64.causalAttention(config, { wq: identity, wk: identity, wv: identity, wo: identity }, x);
    const s = 1 / Math.SQRT2;
    const p = 1 / (1 + Math.exp(s));
    expect(attentionWeights[0]?.[1]?.[0]).toBeCloseTo(p, 12);
    expect(
      maxAbsDiff(output, [
        [1, 0],
        [p, 1 - p],
      ]),
    ).toBeLessThan(1e-12);
  });
});
