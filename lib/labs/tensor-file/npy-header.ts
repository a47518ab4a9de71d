// The parts of NumPy's .npy format a reader needs before the data: the magic
// string, the header dict, and the element types a submission may use, each
// with how its bytes become float64. Format:
// https://numpy.org/doc/stable/reference/generated/numpy.lib.format.html
import { truncateInput } from "../../errors/quote-input";
import { QUOTE_CHARS } from "./decode-result";
import type { FloatSink } from "./float-sink";

export const MAGIC = [0x93, 0x4e, 0x55, 0x4d, 0x50, 0x59]; // "\x93NUMPY"

/**
 * Appends the `count` elements held at the start of `buffer` (little-endian)
 * to `sink`. Uses typed-array views, so only on a little-endian host.
 */
type Converter = (buffer: ArrayBuffer, count: number, sink: FloatSink) => void;

function each(values: ArrayLike<number | bigint>, count: number, sink: FloatSink, map: (v: number | bigint) => number): void {
  for (let i = 0; i < count; i++) sink.push(map(values[i] ?? 0));
}

export type NpyElement = { size: number; convert: Converter; read: (v: DataView, o: number) => number };

/** Element types a submission may use; all are read into float64. */
export const NPY_DTYPES = {
  "<f8": { size: 8, convert: (b, n, sink) => sink.pushAll(new Float64Array(b, 0, n), n), read: (v, o) => v.getFloat64(o, true) },
  "<f4": { size: 4, convert: (b, n, sink) => sink.pushAll(new Float32Array(b, 0, n), n), read: (v, o) => v.getFloat32(o, true) },
  "<f2": {
    size: 2,
    convert: (b, n, sink) => each(new Uint16Array(b, 0, n), n, sink, (h) => halfToFloat(Number(h))),
    read: (v, o) => halfToFloat(v.getUint16(o, true)),
  },
  "<i8": { size: 8, convert: (b, n, sink) => each(new BigInt64Array(b, 0, n), n, sink, Number), read: (v, o) => Number(v.getBigInt64(o, true)) },
  "<i4": { size: 4, convert: (b, n, sink) => sink.pushAll(new Int32Array(b, 0, n), n), read: (v, o) => v.getInt32(o, true) },
  "<i2": { size: 2, convert: (b, n, sink) => sink.pushAll(new Int16Array(b, 0, n), n), read: (v, o) => v.getInt16(o, true) },
  "|i1": { size: 1, convert: (b, n, sink) => sink.pushAll(new Int8Array(b, 0, n), n), read: (v, o) => v.getInt8(o) },
  "<u8": { size: 8, convert: (b, n, sink) => each(new BigUint64Array(b, 0, n), n, sink, Number), read: (v, o) => Number(v.getBigUint64(o, true)) },
  "<u4": { size: 4, convert: (b, n, sink) => sink.pushAll(new Uint32Array(b, 0, n), n), read: (v, o) => v.getUint32(o, true) },
  "<u2": { size: 2, convert: (b, n, sink) => sink.pushAll(new Uint16Array(b, 0, n), n), read: (v, o) => v.getUint16(o, true) },
  "|u1": { size: 1, convert: (b, n, sink) => sink.pushAll(new Uint8Array(b, 0, n), n), read: (v, o) => v.getUint8(o) },
} as const satisfies Record<string, NpyElement>;

export type NpyDtype = keyof typeof NPY_DTYPES;

/** True when the bytes start with the .npy magic string. */
export function looksLikeNpy(bytes: Uint8Array): boolean {
  return MAGIC.every((b, i) => bytes[i] === b);
}

export type NpyHeader = { descr: string; fortranOrder: boolean; shape: number[] };

/** Parses the Python dict literal of a .npy header, e.g. {'descr': '<f8', 'fortran_order': False, 'shape': (3, 4), }. */
export function parseNpyHeader(header: string): { ok: true; header: NpyHeader } | { ok: false; message: string } {
  const text = header.trim();
  const refuse = (message: string) => ({ ok: false as const, message });
  if (!text.startsWith("{") || !text.endsWith("}")) return refuse("bad .npy header: it is not a {…} dictionary");
  const descr = /['"]descr['"]\s*:\s*['"]([^'"]*)['"]/.exec(text);
  if (!descr) {
    if (/['"]descr['"]\s*:\s*\[/.test(text)) return refuse("structured (record) dtypes are not supported: save a plain numeric array");
    return refuse("bad .npy header: no 'descr' entry");
  }
  const fortran = /['"]fortran_order['"]\s*:\s*(True|False)/.exec(text);
  if (!fortran) return refuse("bad .npy header: no 'fortran_order' entry");
  const shape = /['"]shape['"]\s*:\s*\(([^)]*)\)/.exec(text);
  if (!shape) return refuse("bad .npy header: no 'shape' tuple");
  const dims = (shape[1] ?? "")
    .split(",")
    .map((s) => s.trim())
    .filter((s) => s.length > 0);
  if (!dims.every((d) => /^\d+L?$/.test(d)))
    return refuse(`bad .npy header: shape (${truncateInput(shape[1] ?? "", QUOTE_CHARS)}) is not a tuple of whole numbers`);
  return { ok: true, header: { descr: descr[1] ?? "", fortranOrder: fortran[1] === "True", shape: dims.map((d) => Number.parseInt(d, 10)) } };
}

/** The element type named by `descr`, or a message saying why it cannot be read. */
export function npyElement(descr: string): NpyElement | string {
  const known = (NPY_DTYPES as Record<string, NpyElement>)[descr.replace(/^<([iu]1)$/, "|$1")];
  if (known) return known;
  const shown = truncateInput(descr, QUOTE_CHARS);
  if (descr.startsWith(">")) return `big-endian dtype '${shown}' is not supported: save little-endian (a.astype('<f8'))`;
  if (descr.includes("O")) return "object arrays are not supported: save a numeric array (a.astype(np.float64))";
  return `dtype '${shown}' is not supported: use float32, float64 or an integer type`;
}

function halfToFloat(h: number): number {
  const sign = h & 0x8000 ? -1 : 1;
  const exponent = (h >> 10) & 0x1f;
  const fraction = h & 0x3ff;
  if (exponent === 0) return sign * 2 ** -14 * (fraction / 1024);
  if (exponent === 31) return fraction ? Number.NaN : sign * Number.POSITIVE_INFINITY;
  return sign * 2 ** (exponent - 15) * (1 + fraction / 1024);
}
