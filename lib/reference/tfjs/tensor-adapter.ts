import * as tf from "@tensorflow/tfjs-core";
import { assertReferenceBackendReady } from "../backend";
import type { Matrix, Vector } from "../types";

/**
 * The one adapter between plain arrays and tfjs tensors. Every tfjs-path entry
 * point runs inside `runTidy`, so tensors created while computing are freed and
 * only plain arrays come out.
 */

/** Runs `fn` inside `tf.tidy` and returns its plain (tensor-free) result. */
export function runTidy<T>(fn: () => T): T {
  assertReferenceBackendReady();
  let result = null as { value: T } | null;
  tf.tidy(() => {
    result = { value: fn() };
  });
  if (result === null) throw new Error("reference: tidy scope returned nothing");
  return result.value;
}

/** `[rows][cols]` → float32 Tensor2D. Throws on ragged rows. */
export function matrixTensor(m: Matrix, cols?: number): tf.Tensor2D {
  const rows = m.length;
  const width = cols ?? (rows > 0 ? (m[0]?.length ?? 0) : 0);
  const data = new Float32Array(rows * width);
  for (let r = 0; r < rows; r++) {
    const row = m[r];
    if (!row || row.length !== width) throw new Error(`reference: row ${r} has length ${row?.length}, expected ${width}`);
    for (let c = 0; c < width; c++) data[r * width + c] = row[c] ?? 0;
  }
  return tf.tensor2d(data, [rows, width]);
}

/** `[n]` → float32 Tensor1D. */
export function vectorTensor(v: Vector): tf.Tensor1D {
  return tf.tensor1d(Float32Array.from(Array.prototype.slice.call(v) as number[]));
}

/** Flat row-major data → Tensor2D (used for masks and RoPE tables). */
export function flatTensor(data: Float32Array | Float64Array, rows: number, cols: number): tf.Tensor2D {
  return tf.tensor2d(data instanceof Float32Array ? data : Float32Array.from(data), [rows, cols]);
}

/** Tensor2D → `number[][]`. */
export function toMatrix(t: tf.Tensor): number[][] {
  const [rows = 0, cols = 0] = t.shape;
  const data = t.dataSync();
  return Array.from({ length: rows }, (_, r) => Array.from(data.subarray(r * cols, (r + 1) * cols)));
}

/** Tensor3D → `number[][][]`. */
export function toMatrices(t: tf.Tensor): number[][][] {
  const [n = 0, rows = 0, cols = 0] = t.shape;
  const data = t.dataSync();
  return Array.from({ length: n }, (_, i) =>
    Array.from({ length: rows }, (_, r) => Array.from(data.subarray((i * rows + r) * cols, (i * rows + r + 1) * cols))),
  );
}
