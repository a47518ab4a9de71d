import { describe, expect, it } from "vitest";
import { randomBlockWeights, randomInput, seededRandom } from "@/lib/reference/seeded-random";
import { NAMED_CONFIGS } from "./fixtures";

describe("seeded randomness", () => {
  it("same seed gives the same sequence; different seeds differ", () => {
    const take = (seed: number): number[] => {
      const random = seededRandom(seed);
      return Array.from({ length: 5 }, () => random());
    };
    expect(take(1)).toEqual(take(1));
    expect(take(1)).not.toEqual(take(2));
    expect(take(1).every((v) => v >= 0 && v < 1)).toBe(true);
  });

  it.each(NAMED_CONFIGS)("weights have the documented shapes — $name", ({ config }) => {
    const w = randomBlockWeights(config, 5);
    const dHead = config.dModel / config.nHeads;
    const shape = (m: ArrayLike<ArrayLike<number>>): [number, number] => [m.length, m[0]?.length ?? 0];
    expect(shape(w.wq)).toEqual([config.dModel, config.nHeads * dHead]);
    expect(shape(w.wk)).toEqual([config.dModel, config.nKvHeads * dHead]);
    expect(shape(w.wv)).toEqual([config.dModel, config.nKvHeads * dHead]);
    expect(shape(w.wo)).toEqual([config.nHeads * dHead, config.dModel]);
    expect(shape(w.w1)).toEqual([config.dModel, config.dFf]);
    expect(shape(w.w2)).toEqual([config.dFf, config.dModel]);
    expect(w.norm1.gamma.length).toBe(config.dModel);
    expect(randomBlockWeights(config, 5)).toEqual(w);
    expect(randomInput(3, config.dModel, 9)).toEqual(randomInput(3, config.dModel, 9));
  });
});
