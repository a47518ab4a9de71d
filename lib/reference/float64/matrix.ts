import type { Matrix, Vector } from "../types";

/** Row-major float64 matrix `[rows, cols]`. */
export interface Mat {
  rows: number;
  cols: number;
  data: Float64Array;
}

/** Plain `[rows][cols]` → Mat. Throws on ragged rows. */
export function toMat(m: Matrix, cols?: number): Mat {
  const rows = m.length;
  const width = cols ?? (rows > 0 ? (m[0]?.length ?? 0) : 0);
  const data = new Float64Array(rows * width);
  for (let r = 0; r < rows; r++) {
    const row = m[r];
    if (!row || row.length !== width) throw new Error(`reference: row ${r} has length ${row?.length}, expected ${width}`);
    for (let c = 0; c < width; c++) data[r * width + c] = row[c] ?? 0;
  }
  return { rows, cols: width, data };
}

/** Vector → Float64Array copy. */
export function toVec(v: Vector): Float64Array {
  return Float64Array.from(Array.prototype.slice.call(v) as number[]);
}

/** Mat → `number[][]`. */
export function fromMat(m: Mat): number[][] {
  return Array.from({ length: m.rows }, (_, r) => Array.from(m.data.subarray(r * m.cols, (r + 1) * m.cols)));
}

export function zeros(rows: number, cols: number): Mat {
  return { rows, cols, data: new Float64Array(rows * cols) };
}

/** `a·b` for `a: [n, k]`, `b: [k, m]`. */
export function matmul(a: Mat, b: Mat): Mat {
  if (a.cols !== b.rows) throw new Error(`reference: matmul shape mismatch ${a.rows}x${a.cols} · ${b.rows}x${b.cols}`);
  const out = zeros(a.rows, b.cols);
  const { data: ad } = a;
  const { data: bd } = b;
  const od = out.data;
  for (let i = 0; i < a.rows; i++) {
    for (let p = 0; p < a.cols; p++) {
      const aip = ad[i * a.cols + p] ?? 0;
      if (aip === 0) continue;
      for (let j = 0; j < b.cols; j++) od[i * b.cols + j] = (od[i * b.cols + j] ?? 0) + aip * (bd[p * b.cols + j] ?? 0);
    }
  }
  return out;
}

/** Element-wise `f(a_ij, b_ij)` of equal-shape matrices. */
export function zipWith(a: Mat, b: Mat, f: (x: number, y: number) => number): Mat {
  const out = zeros(a.rows, a.cols);
  for (let i = 0; i < a.data.length; i++) out.data[i] = f(a.data[i] ?? 0, b.data[i] ?? 0);
  return out;
}

/** Element-wise `f(a_ij)`. */
export function map(a: Mat, f: (x: number) => number): Mat {
  return { rows: a.rows, cols: a.cols, data: a.data.map(f) };
}

export function add(a: Mat, b: Mat): Mat {
  return zipWith(a, b, (x, y) => x + y);
}
