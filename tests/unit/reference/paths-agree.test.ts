import { beforeAll, describe, expect, it } from "vitest";
import { initReferenceBackend } from "@/lib/reference/backend";
import * as f64 from "@/lib/reference/float64";
import { randomBlockWeights, randomInput } from "@/lib/reference/seeded-random";
import { forwardBlock } from "@/lib/reference/tfjs/block";
import { decodeStep, decodeWithCache } from "@/lib/reference/tfjs/decode";
import { hasNonFinite, maxAbsDiff, NAMED_CONFIGS, randomConfigs } from "./fixtures";

beforeAll(async () => {
  await initReferenceBackend();
});

const cases = [...NAMED_CONFIGS, ...randomConfigs(40, 2024).map((config, i) => ({ name: `random #${i} ${JSON.stringify(config)}`, config }))];

describe("float64 and tfjs paths agree within 1e-5", () => {
  it.each(cases)("$name", ({ config }) => {
    const weights = randomBlockWeights(config, 7);
    const x = randomInput(6, config.dModel, 8);
    const exact = f64.forwardBlock(config, weights, x, { attentionWeights: true });
    const tfjs = forwardBlock(config, weights, x, { attentionWeights: true });
    expect(hasNonFinite(exact.output)).toBe(false);
    expect(maxAbsDiff(exact.output, tfjs.output)).toBeLessThan(1e-5);
    (exact.attentionWeights ?? []).forEach((head, h) => {
      expect(maxAbsDiff(head, tfjs.attentionWeights?.[h] ?? [])).toBeLessThan(1e-5);
    });
  });
});

const decoders = [
  { path: "tfjs", forward: forwardBlock, decode: decodeWithCache, tolerance: 1e-5 },
  { path: "float64", forward: f64.forwardBlock, decode: f64.decodeWithCache, tolerance: 1e-12 },
];

describe.each(decoders)("$path: KV-cache decode equals the full forward pass per position", ({ forward, decode, tolerance }) => {
  it.each(cases.slice(0, 20))("$name", ({ config }) => {
    const weights = randomBlockWeights(config, 31);
    const x = randomInput(7, config.dModel, 32);
    const full = forward(config, weights, x).output;
    const { outputs, cache } = decode(config, weights, x);
    expect(cache.length).toBe(7);
    expect(cache.keys.length).toBe(config.nKvHeads);
    for (const [i, row] of full.entries()) expect(maxAbsDiff([row], [outputs[i] ?? []])).toBeLessThan(tolerance);
  });
});

describe("a cache from one path continues in the other", () => {
  it("float64 prefix, tfjs step", () => {
    const config = NAMED_CONFIGS[1]?.config ?? randomConfigs(1, 1)[0];
    if (!config) throw new Error("no config");
    const weights = randomBlockWeights(config, 41);
    const x = randomInput(4, config.dModel, 42);
    const { cache } = f64.decodeWithCache(config, weights, x.slice(0, 3));
    const full = f64.forwardBlock(config, weights, x).output;
    const step = decodeStep(config, weights, cache, x[3] ?? []);
    expect(maxAbsDiff([step.output], [full[3] ?? []])).toBeLessThan(1e-5);
  });
});
