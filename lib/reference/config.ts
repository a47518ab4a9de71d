import type { AttentionConfig, BlockConfig, BlockWeights, KvCache } from "./types";

/** Width of one head: `dModel / nHeads`. */
export function headDim(config: Pick<AttentionConfig, "dModel" | "nHeads">): number {
  return config.dModel / config.nHeads;
}

/** Query heads per KV head: `nHeads / nKvHeads`. */
export function groupSize(config: Pick<AttentionConfig, "nHeads" | "nKvHeads">): number {
  return config.nHeads / config.nKvHeads;
}

/** The KV head that query head `h` reads: `floor(h / groupSize)`. */
export function kvHeadFor(config: Pick<AttentionConfig, "nHeads" | "nKvHeads">, h: number): number {
  return Math.floor(h / groupSize(config));
}

/**
 * Throws a descriptive Error when the config is inconsistent (non-integer head
 * width, heads not divisible, odd `dHead` with RoPE, negative epsilon/window).
 * Both paths call this first, so a bad config fails the same way on either.
 */
export function assertValidConfig(config: BlockConfig | AttentionConfig): void {
  const positive = (name: string, value: number): void => {
    if (!Number.isInteger(value) || value < 1) throw new Error(`reference: ${name} must be a positive integer, got ${value}`);
  };
  positive("dModel", config.dModel);
  positive("nHeads", config.nHeads);
  positive("nKvHeads", config.nKvHeads);
  if (config.dModel % config.nHeads !== 0) throw new Error("reference: dModel must be divisible by nHeads");
  if (config.nHeads % config.nKvHeads !== 0) throw new Error("reference: nHeads must be divisible by nKvHeads");
  if (config.window !== undefined && (!Number.isInteger(config.window) || config.window < 0)) {
    throw new Error("reference: window must be a non-negative integer");
  }
  if (config.rope && headDim(config) % 2 !== 0) throw new Error("reference: RoPE needs an even dHead");
  if ("dFf" in config) {
    positive("dFf", config.dFf);
    if (!(config.epsilon >= 0)) throw new Error("reference: epsilon must be ≥ 0");
  }
}

/** Throws when weights needed by `config` are missing (SwiGLU W3, LayerNorm β). */
export function assertWeightsFit(config: BlockConfig, weights: BlockWeights): void {
  if (config.ffn === "swiglu" && !weights.w3) throw new Error("reference: SwiGLU needs weights.w3");
  if (config.norm === "layernorm" && (!weights.norm1.beta || !weights.norm2.beta)) {
    throw new Error("reference: LayerNorm needs norm1.beta and norm2.beta");
  }
}

/** True when a query at position `i` may attend to the key at position `j`. */
export function isVisible(i: number, j: number, window: number | undefined): boolean {
  return j <= i && (window === undefined || j > i - window);
}

/**
 * Visibility of keys `0..keyCount-1` for queries at positions
 * `queryStart..queryStart+queryCount-1`, row-major `[queryCount, keyCount]`,
 * 1 = visible, 0 = masked, under the rule `visible(i, j)` (query position `i`,
 * key position `j`): the convention's `isVisible`, or a fault's own rule.
 */
export function visibilityMask(queryStart: number, queryCount: number, keyCount: number, visible: (i: number, j: number) => boolean): Float32Array {
  const mask = new Float32Array(queryCount * keyCount);
  for (let r = 0; r < queryCount; r++) {
    for (let j = 0; j < keyCount; j++) mask[r * keyCount + j] = visible(queryStart + r, j) ? 1 : 0;
  }
  return mask;
}

/**
 * RoPE tables for positions `start..start+count-1`, each row-major
 * `[count, dHead]` with the half-width angles repeated (rotate-half layout).
 * Angles are computed in float64 so both paths rotate by identical amounts.
 */
export function ropeTables(start: number, count: number, dHead: number, base: number): { cos: Float64Array; sin: Float64Array } {
  return ropeTablesAt(
    Array.from({ length: count }, (_, r) => start + r),
    dHead,
    base,
  );
}

/** RoPE tables like `ropeTables`, for arbitrary per-row positions (row `r` at `positions[r]`). */
export function ropeTablesAt(positions: readonly number[], dHead: number, base: number): { cos: Float64Array; sin: Float64Array } {
  const half = dHead / 2;
  const count = positions.length;
  const cos = new Float64Array(count * dHead);
  const sin = new Float64Array(count * dHead);
  for (let r = 0; r < count; r++) {
    for (let k = 0; k < half; k++) {
      const angle = (positions[r] ?? 0) * base ** ((-2 * k) / dHead);
      const c = Math.cos(angle);
      const s = Math.sin(angle);
      cos[r * dHead + k] = c;
      cos[r * dHead + k + half] = c;
      sin[r * dHead + k] = s;
      sin[r * dHead + k + half] = s;
    }
  }
  return { cos, sin };
}

/** An empty cache for `config`. */
export function emptyKvCache(config: Pick<AttentionConfig, "nKvHeads">): KvCache {
  const heads = (): number[][][] => Array.from({ length: config.nKvHeads }, () => []);
  return { length: 0, keys: heads(), values: heads() };
}

/** A new cache with one position appended (`k`, `v`: [nKvHeads][dHead]); the input is not mutated. */
export function appendKv(cache: KvCache, k: number[][], v: number[][]): KvCache {
  return {
    length: cache.length + 1,
    keys: cache.keys.map((rows, g) => [...rows, k[g] ?? []]),
    values: cache.values.map((rows, g) => [...rows, v[g] ?? []]),
  };
}
