import { afterAll, beforeAll } from "vitest";
import { availableReferenceBackends, initReferenceBackend, type ReferenceBackendName, useReferenceBackend } from "@/lib/reference/backend";
import { seededRandom } from "@/lib/reference/seeded-random";
import type { BlockConfig } from "@/lib/reference/types";

/** Named exercise-size configs covering every switch at least once. */
export const NAMED_CONFIGS: ReadonlyArray<{ name: string; config: BlockConfig }> = [
  { name: "MHA pre layernorm gelu", config: { dModel: 8, nHeads: 2, nKvHeads: 2, dFf: 16, norm: "layernorm", placement: "pre", ffn: "gelu", epsilon: 1e-5 } },
  {
    name: "GQA post rmsnorm swiglu rope",
    config: { dModel: 8, nHeads: 4, nKvHeads: 2, dFf: 12, norm: "rmsnorm", placement: "post", ffn: "swiglu", epsilon: 1e-6, rope: { base: 10000 } },
  },
  {
    name: "MQA pre rmsnorm gelu window 2",
    config: { dModel: 8, nHeads: 2, nKvHeads: 1, dFf: 16, norm: "rmsnorm", placement: "pre", ffn: "gelu", epsilon: 1e-5, window: 2 },
  },
  {
    name: "MQA post layernorm swiglu window 1 rope",
    config: { dModel: 12, nHeads: 3, nKvHeads: 1, dFf: 8, norm: "layernorm", placement: "post", ffn: "swiglu", epsilon: 1e-5, window: 1, rope: { base: 100 } },
  },
  {
    name: "GQA pre layernorm swiglu window 3 rope",
    config: {
      dModel: 16,
      nHeads: 4,
      nKvHeads: 2,
      dFf: 24,
      norm: "layernorm",
      placement: "pre",
      ffn: "swiglu",
      epsilon: 1e-5,
      window: 3,
      rope: { base: 10000 },
    },
  },
  {
    name: "window 0 (every row fully masked)",
    config: { dModel: 8, nHeads: 2, nKvHeads: 1, dFf: 8, norm: "rmsnorm", placement: "pre", ffn: "gelu", epsilon: 1e-5, window: 0 },
  },
];

/** `count` random exercise-size configs drawn deterministically from `seed`. */
export function randomConfigs(count: number, seed: number): BlockConfig[] {
  const random = seededRandom(seed);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)] as T;
  return Array.from({ length: count }, () => {
    const nKvHeads = pick([1, 2]);
    const nHeads = nKvHeads * pick([1, 2, 4]);
    const dHead = pick([2, 4]);
    const window = pick([undefined, 0, 1, 2, 3, 5]);
    const rope = random() < 0.5 ? { base: pick([100, 10000]) } : undefined;
    return {
      dModel: nHeads * dHead,
      nHeads,
      nKvHeads,
      dFf: pick([4, 8, 16]),
      norm: pick(["layernorm", "rmsnorm"] as const),
      placement: pick(["pre", "post"] as const),
      ffn: pick(["gelu", "swiglu"] as const),
      epsilon: pick([1e-5, 1e-6]),
      ...(window === undefined ? {} : { window }),
      ...(rope ? { rope } : {}),
    };
  });
}

/** Largest absolute element-wise difference of two equal-shape matrices (Infinity on shape mismatch or NaN). */
export function maxAbsDiff(a: number[][], b: number[][]): number {
  if (a.length !== b.length) return Infinity;
  let worst = 0;
  a.forEach((row, r) => {
    const other = b[r] ?? [];
    if (row.length !== other.length) worst = Infinity;
    row.forEach((v, c) => {
      const d = Math.abs(v - (other[c] ?? NaN));
      worst = Number.isNaN(d) ? Infinity : Math.max(worst, d);
    });
  });
  return worst;
}

/** True when any element is NaN or infinite. */
export function hasNonFinite(m: number[][]): boolean {
  return m.some((row) => row.some((v) => !Number.isFinite(v)));
}

/**
 * For a test file that switches backends: the backend the reference starts on
 * and every backend that starts here (filled in before the file's tests), and
 * the starting backend put back after them.
 */
export function referenceBackendsUnderTest(): { initial: ReferenceBackendName; available: ReferenceBackendName[] } {
  const backends: { initial: ReferenceBackendName; available: ReferenceBackendName[] } = { initial: "cpu", available: [] };
  beforeAll(async () => {
    backends.initial = (await initReferenceBackend()).backend;
    backends.available = await availableReferenceBackends();
  });
  afterAll(async () => {
    await useReferenceBackend(backends.initial);
  });
  return backends;
}
