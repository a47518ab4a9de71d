import { headDim } from "./config";
import type { BlockConfig, BlockWeights, NormWeights } from "./types";

/**
 * Deterministic uniform generator on [0, 1) (mulberry32). Same seed, same
 * sequence, on every platform. Not for cryptography.
 */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** `[rows][cols]` uniform on `[−scale, scale)`. */
export function randomMatrix(random: () => number, rows: number, cols: number, scale: number): number[][] {
  return Array.from({ length: rows }, () => Array.from({ length: cols }, () => (2 * random() - 1) * scale));
}

function randomNorm(random: () => number, d: number): NormWeights {
  return {
    gamma: Array.from({ length: d }, () => 1 + (2 * random() - 1) * 0.2),
    beta: Array.from({ length: d }, () => (2 * random() - 1) * 0.1),
  };
}

/**
 * Weights for `config`, uniform with scale `1/√fanIn` per matrix (activations
 * stay O(1)); norm gains near 1, shifts near 0. `w3` is always present.
 */
export function randomBlockWeights(config: BlockConfig, seed: number): BlockWeights {
  const random = seededRandom(seed);
  const d = config.dModel;
  const dHead = headDim(config);
  const fan = (n: number): number => 1 / Math.sqrt(n);
  return {
    norm1: randomNorm(random, d),
    norm2: randomNorm(random, d),
    wq: randomMatrix(random, d, config.nHeads * dHead, fan(d)),
    wk: randomMatrix(random, d, config.nKvHeads * dHead, fan(d)),
    wv: randomMatrix(random, d, config.nKvHeads * dHead, fan(d)),
    wo: randomMatrix(random, config.nHeads * dHead, d, fan(config.nHeads * dHead)),
    w1: randomMatrix(random, d, config.dFf, fan(d)),
    w2: randomMatrix(random, config.dFf, d, fan(config.dFf)),
    w3: randomMatrix(random, d, config.dFf, fan(d)),
  };
}

/** An input `[seq, dModel]` uniform on `[−1, 1)`. */
export function randomInput(seq: number, dModel: number, seed: number): number[][] {
  return randomMatrix(seededRandom(seed), seq, dModel, 1);
}
