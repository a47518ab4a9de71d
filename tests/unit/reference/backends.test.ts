import * as tf from "@tensorflow/tfjs-core";
import { describe, expect, it } from "vitest";
import { initReferenceBackend, referenceBackend, type ReferenceBackendName, useReferenceBackend } from "@/lib/reference/backend";
import { randomBlockWeights, randomInput } from "@/lib/reference/seeded-random";
import { forwardBlock } from "@/lib/reference/tfjs/block";
import { decodeWithCache } from "@/lib/reference/tfjs/decode";
import type { BlockConfig } from "@/lib/reference/types";
import { maxAbsDiff, NAMED_CONFIGS, referenceBackendsUnderTest } from "./fixtures";

const backends = referenceBackendsUnderTest();

describe("backend selection", () => {
  it("init is idempotent, reports the active backend and cpu is always available", async () => {
    expect(await initReferenceBackend("cpu")).toEqual({ backend: backends.initial });
    expect(referenceBackend()).toBe(backends.initial);
    expect(backends.available).toContain("cpu");
    expect(backends.available[0]).toBe(backends.initial);
  });
});

describe("every available backend gives the same block output", () => {
  it.each(NAMED_CONFIGS)("$name", async ({ config }) => {
    const weights = randomBlockWeights(config, 51);
    const x = randomInput(6, config.dModel, 52);
    const results: Array<{ backend: ReferenceBackendName; output: number[][]; decoded: number[][] }> = [];
    for (const backend of backends.available) {
      expect(await useReferenceBackend(backend)).toBe(true);
      expect(referenceBackend()).toBe(backend);
      results.push({ backend, output: forwardBlock(config, weights, x).output, decoded: decodeWithCache(config, weights, x).outputs });
    }
    const [first, ...rest] = results;
    for (const other of rest) {
      expect(maxAbsDiff(first?.output ?? [], other.output)).toBeLessThan(1e-4);
      expect(maxAbsDiff(first?.decoded ?? [], other.decoded)).toBeLessThan(1e-4);
    }
    await useReferenceBackend(backends.initial);
  });
});

describe("no tensor leaks", () => {
  const tiny: BlockConfig = {
    dModel: 4,
    nHeads: 2,
    nKvHeads: 1,
    dFf: 4,
    norm: "layernorm",
    placement: "pre",
    ffn: "swiglu",
    epsilon: 1e-5,
    window: 2,
    rope: { base: 10000 },
  };

  // 2,000 calls: each op is a call into TensorFlow on the native backend, and any leak shows after the first.
  it("numTensors stays flat over 2,000 forward calls", () => {
    const weights = randomBlockWeights(tiny, 61);
    const x = randomInput(2, tiny.dModel, 62);
    forwardBlock(tiny, weights, x);
    const before = tf.memory().numTensors;
    for (let i = 0; i < 2_000; i++) forwardBlock(tiny, weights, x, { attentionWeights: i % 2 === 0 });
    expect(tf.memory().numTensors).toBe(before);
  }, 60_000);

  it("numTensors stays flat over cached decodes", () => {
    const weights = randomBlockWeights(tiny, 63);
    const before = tf.memory().numTensors;
    for (let i = 0; i < 50; i++) decodeWithCache(tiny, weights, randomInput(4, tiny.dModel, i));
    expect(tf.memory().numTensors).toBe(before);
  });
});
