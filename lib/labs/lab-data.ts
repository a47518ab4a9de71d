// Seeded lab inputs. Every value is rounded to a few decimals so the float64
// a learner parses from the download is exactly the float64 we generated (the
// shortest decimal that round-trips is the rounded one), and downloads stay small.
import { seededRandom } from "../reference";
import type { Tensor } from "./lab-types";

/** Decimals kept for weights and activations: ≥ 3 significant digits at the scales used. */
export const INPUT_DECIMALS = 4;

export function round(value: number, decimals: number = INPUT_DECIMALS): number {
  const factor = 10 ** decimals;
  const r = Math.round(value * factor) / factor;
  return r === 0 ? 0 : r;
}

/** A `shape` tensor uniform on `[centre − scale, centre + scale)`, rounded. */
export function uniformTensor(random: () => number, shape: number[], scale: number, centre = 0, decimals = INPUT_DECIMALS): Tensor {
  const size = shape.reduce((p, n) => p * n, 1);
  const data = new Float64Array(size);
  for (let i = 0; i < size; i++) data[i] = round(centre + (2 * random() - 1) * scale, decimals);
  return { shape, data };
}

/** A fresh generator for `seed` and a purpose, so adding one input never shifts another's values. */
export function streamFor(seed: number, salt: number): () => number {
  return seededRandom((Math.imul(seed, 0x9e3779b1) ^ Math.imul(salt + 1, 0x85ebca6b)) >>> 0);
}

/** `[rows][cols]` view of a 2-D tensor for the float64 reference path. */
export function toRows(t: Tensor): number[][] {
  const [rows = 0, cols = 0] = t.shape;
  return Array.from({ length: rows }, (_, r) => Array.from(t.data.subarray(r * cols, (r + 1) * cols)));
}

/** `[rows][cols]` → a 2-D tensor. */
export function fromRows(rows: readonly (readonly number[])[]): Tensor {
  const cols = rows[0]?.length ?? 0;
  const data = new Float64Array(rows.length * cols);
  for (const [r, row] of rows.entries()) data.set(row, r * cols);
  return { shape: [rows.length, cols], data };
}

/** Rows `start..start+count-1` of a 2-D tensor. */
export function sliceRows(t: Tensor, start: number, count: number): Tensor {
  const cols = t.shape[1] ?? 0;
  return { shape: [count, cols], data: t.data.slice(start * cols, (start + count) * cols) };
}

/** Block weights as lab inputs (plain tensors; assignable to the reference's dense weights). */
export type LabBlockWeights = {
  wq: Tensor;
  wk: Tensor;
  wv: Tensor;
  wo: Tensor;
  w1: Tensor;
  w2: Tensor;
  w3?: Tensor;
  norm1: { gamma: Tensor; beta?: Tensor };
  norm2: { gamma: Tensor; beta?: Tensor };
};

export type BlockSizes = { seq: number; dModel: number; nHeads: number; nKvHeads: number; dFf: number; swiglu: boolean; beta: boolean };

/**
 * Extra gain on wq and wk: with plain 1/√fan_in weights the scores stay near
 * zero and attention is almost uniform, which hides masking and scaling bugs.
 * 2.5 gives scores with a spread of a few units, like a trained model's.
 */
export const QK_GAIN = 2.5;

/**
 * Input `x` and block weights for `seed`: `x` uniform ±1, each matrix uniform
 * ±1/√fan_in (activations stay O(1); wq and wk × QK_GAIN), gains 1 ± 0.2, shifts ± 0.1.
 */
export function blockInputs(seed: number, s: BlockSizes): { x: Tensor; weights: LabBlockWeights } {
  const dHead = s.dModel / s.nHeads;
  const matrix = (salt: number, rows: number, cols: number, gain = 1): Tensor => uniformTensor(streamFor(seed, salt), [rows, cols], gain / Math.sqrt(rows));
  const norm = (salt: number) => ({
    gamma: uniformTensor(streamFor(seed, salt), [s.dModel], 0.2, 1),
    ...(s.beta ? { beta: uniformTensor(streamFor(seed, salt + 1), [s.dModel], 0.1) } : {}),
  });
  return {
    x: uniformTensor(streamFor(seed, 0), [s.seq, s.dModel], 1),
    weights: {
      norm1: norm(10),
      norm2: norm(20),
      wq: matrix(1, s.dModel, s.nHeads * dHead, QK_GAIN),
      wk: matrix(2, s.dModel, s.nKvHeads * dHead, QK_GAIN),
      wv: matrix(3, s.dModel, s.nKvHeads * dHead),
      wo: matrix(4, s.nHeads * dHead, s.dModel),
      w1: matrix(5, s.dModel, s.dFf),
      w2: matrix(6, s.dFf, s.dModel),
      ...(s.swiglu ? { w3: matrix(7, s.dModel, s.dFf) } : {}),
    },
  };
}
