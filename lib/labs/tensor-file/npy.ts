// NumPy's .npy format, read and written by hand: little-endian, C-order,
// numeric dtypes only. Works on Uint8Array/DataView, so it runs in the
// browser too. Format: https://numpy.org/doc/stable/reference/generated/numpy.lib.format.html
import type { Tensor } from "../lab-types";
import { checkShape, fail, type DecodeResult } from "./decode-result";

const MAGIC = [0x93, 0x4e, 0x55, 0x4d, 0x50, 0x59]; // "\x93NUMPY"

/** Element types a submission may use; all are read into float64. */
export const NPY_DTYPES = {
  "<f8": { size: 8, read: (v: DataView, o: number) => v.getFloat64(o, true) },
  "<f4": { size: 4, read: (v: DataView, o: number) => v.getFloat32(o, true) },
  "<f2": { size: 2, read: (v: DataView, o: number) => halfToFloat(v.getUint16(o, true)) },
  "<i8": { size: 8, read: (v: DataView, o: number) => Number(v.getBigInt64(o, true)) },
  "<i4": { size: 4, read: (v: DataView, o: number) => v.getInt32(o, true) },
  "<i2": { size: 2, read: (v: DataView, o: number) => v.getInt16(o, true) },
  "|i1": { size: 1, read: (v: DataView, o: number) => v.getInt8(o) },
  "<u8": { size: 8, read: (v: DataView, o: number) => Number(v.getBigUint64(o, true)) },
  "<u4": { size: 4, read: (v: DataView, o: number) => v.getUint32(o, true) },
  "<u2": { size: 2, read: (v: DataView, o: number) => v.getUint16(o, true) },
  "|u1": { size: 1, read: (v: DataView, o: number) => v.getUint8(o) },
} as const;

export type NpyDtype = keyof typeof NPY_DTYPES;

/** True when the bytes start with the .npy magic string. */
export function looksLikeNpy(bytes: Uint8Array): boolean {
  return MAGIC.every((b, i) => bytes[i] === b);
}

/**
 * Reads a .npy file (header versions 1, 2 and 3) into a float64 tensor.
 * Refuses, with a message a learner can act on: a bad magic or header,
 * Fortran order, big-endian or non-numeric dtypes, more than `maxElements`
 * elements (checked before any allocation), and a data section whose length
 * is not exactly shape × item size.
 */
export function decodeNpy(bytes: Uint8Array, maxElements: number): DecodeResult {
  if (!looksLikeNpy(bytes)) return fail("not a .npy file: it does not start with \\x93NUMPY");
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const major = bytes[6];
  if (major !== 1 && major !== 2 && major !== 3) return fail(`unsupported .npy version ${major}.${bytes[7]} (versions 1, 2 and 3 are read)`);
  const lengthBytes = major === 1 ? 2 : 4;
  if (bytes.length < 8 + lengthBytes) return fail("the .npy header is cut short");
  const headerLength = major === 1 ? view.getUint16(8, true) : view.getUint32(8, true);
  const dataStart = 8 + lengthBytes + headerLength;
  if (dataStart > bytes.length) return fail("the .npy header is longer than the file");
  const header = new TextDecoder(major === 3 ? "utf-8" : "latin1").decode(bytes.subarray(8 + lengthBytes, dataStart));
  const parsed = parseHeader(header);
  if (!parsed.ok) return parsed;
  const { descr, fortranOrder, shape } = parsed.header;
  if (fortranOrder) return fail("the array is in Fortran order; save a C-order array (np.ascontiguousarray(a)) instead");
  const dtype = dtypeOf(descr);
  if (typeof dtype === "string") return fail(dtype);
  const shapeError = checkShape(shape, maxElements);
  if (shapeError) return fail(shapeError);
  const count = shape.reduce((a, b) => a * b, 1);
  const expectedBytes = count * dtype.size;
  const actualBytes = bytes.length - dataStart;
  if (actualBytes !== expectedBytes) {
    return fail(
      `wrong element count: the header says shape (${shape.join(", ")}) = ${count} elements of ${dtype.size} bytes ` +
        `(${expectedBytes} bytes), but the file holds ${actualBytes} bytes of data`,
    );
  }
  const data = new Float64Array(count);
  for (let i = 0; i < count; i++) data[i] = dtype.read(view, dataStart + i * dtype.size);
  return { ok: true, tensor: { shape, data } };
}

type NpyHeader = { descr: string; fortranOrder: boolean; shape: number[] };

/** Parses the Python dict literal of a .npy header, e.g. {'descr': '<f8', 'fortran_order': False, 'shape': (3, 4), }. */
function parseHeader(header: string): { ok: true; header: NpyHeader } | { ok: false; message: string } {
  const text = header.trim();
  if (!text.startsWith("{") || !text.endsWith("}")) return fail("bad .npy header: it is not a {…} dictionary");
  const descr = /['"]descr['"]\s*:\s*['"]([^'"]*)['"]/.exec(text);
  if (!descr) {
    if (/['"]descr['"]\s*:\s*\[/.test(text)) return fail("structured (record) dtypes are not supported: save a plain numeric array");
    return fail("bad .npy header: no 'descr' entry");
  }
  const fortran = /['"]fortran_order['"]\s*:\s*(True|False)/.exec(text);
  if (!fortran) return fail("bad .npy header: no 'fortran_order' entry");
  const shape = /['"]shape['"]\s*:\s*\(([^)]*)\)/.exec(text);
  if (!shape) return fail("bad .npy header: no 'shape' tuple");
  const dims = (shape[1] ?? "").split(",").map((s) => s.trim()).filter((s) => s.length > 0);
  if (!dims.every((d) => /^\d+L?$/.test(d))) return fail(`bad .npy header: shape (${shape[1]}) is not a tuple of whole numbers`);
  return { ok: true, header: { descr: descr[1] ?? "", fortranOrder: fortran[1] === "True", shape: dims.map((d) => Number.parseInt(d, 10)) } };
}

function dtypeOf(descr: string): (typeof NPY_DTYPES)[NpyDtype] | string {
  const known = (NPY_DTYPES as Record<string, (typeof NPY_DTYPES)[NpyDtype]>)[descr.replace(/^<([iu]1)$/, "|$1")];
  if (known) return known;
  if (descr.startsWith(">")) return `big-endian dtype '${descr}' is not supported: save little-endian (a.astype('<f8'))`;
  if (descr.includes("O")) return "object arrays are not supported: save a numeric array (a.astype(np.float64))";
  return `dtype '${descr}' is not supported: use float32, float64 or an integer type`;
}

/**
 * Writes a tensor as a version 1.0 .npy file (header padded to 64 bytes, as
 * NumPy does). `dtype` "<f8" keeps every value, NaN and ±Infinity included;
 * "<f4" and the integer types are for tests and small downloads.
 */
export function encodeNpy(tensor: Tensor, dtype: "<f8" | "<f4" | "<i8" | "<i4" = "<f8"): Uint8Array<ArrayBuffer> {
  const dims = tensor.shape.length === 1 ? `${tensor.shape[0]},` : tensor.shape.join(", ");
  const dict = `{'descr': '${dtype}', 'fortran_order': False, 'shape': (${dims}), }`;
  const header = padHeader(dict);
  const size = NPY_DTYPES[dtype].size;
  const bytes = new Uint8Array(10 + header.length + tensor.data.length * size);
  writePreamble(bytes, header);
  const view = new DataView(bytes.buffer);
  const start = 10 + header.length;
  tensor.data.forEach((value, i) => {
    const at = start + i * size;
    if (dtype === "<f8") view.setFloat64(at, value, true);
    else if (dtype === "<f4") view.setFloat32(at, value, true);
    else if (dtype === "<i8") view.setBigInt64(at, BigInt(Math.trunc(value)), true);
    else view.setInt32(at, value, true);
  });
  return bytes;
}

/**
 * A text as a 0-d NumPy unicode array ('<U<n>', UTF-32 little-endian), which
 * np.load reads without pickling; used for the conventions inside an .npz.
 */
export function encodeNpyText(text: string): Uint8Array {
  const codePoints = Array.from(text, (c) => c.codePointAt(0) ?? 0);
  const dict = `{'descr': '<U${Math.max(1, codePoints.length)}', 'fortran_order': False, 'shape': (), }`;
  const header = padHeader(dict);
  const bytes = new Uint8Array(10 + header.length + Math.max(1, codePoints.length) * 4);
  writePreamble(bytes, header);
  const view = new DataView(bytes.buffer);
  codePoints.forEach((cp, i) => view.setUint32(10 + header.length + i * 4, cp, true));
  return bytes;
}

/** Pads a header dict with spaces and a newline so the data starts on a 64-byte boundary. */
function padHeader(dict: string): string {
  const unpadded = 10 + dict.length + 1;
  return dict + " ".repeat((64 - (unpadded % 64)) % 64) + "\n";
}

/** Magic, version 1.0 and the header (ASCII) at the start of `bytes`. */
function writePreamble(bytes: Uint8Array, header: string): void {
  bytes.set(MAGIC, 0);
  bytes[6] = 1;
  bytes[7] = 0;
  new DataView(bytes.buffer).setUint16(8, header.length, true);
  for (let i = 0; i < header.length; i++) bytes[10 + i] = header.charCodeAt(i);
}

function halfToFloat(h: number): number {
  const sign = h & 0x8000 ? -1 : 1;
  const exponent = (h >> 10) & 0x1f;
  const fraction = h & 0x3ff;
  if (exponent === 0) return sign * 2 ** -14 * (fraction / 1024);
  if (exponent === 31) return fraction ? Number.NaN : sign * Number.POSITIVE_INFINITY;
  return sign * 2 ** (exponent - 15) * (1 + fraction / 1024);
}
