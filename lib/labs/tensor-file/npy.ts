// NumPy's .npy format, written by hand (reading is in npy-decoder.ts):
// little-endian, C-order, numeric dtypes only. Works on Uint8Array/DataView,
// so it runs in the browser too.
// Format: https://numpy.org/doc/stable/reference/generated/numpy.lib.format.html
import type { Tensor } from "../lab-types";
import { MAGIC, NPY_DTYPES } from "./npy-header";

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
  for (const [i, cp] of codePoints.entries()) view.setUint32(10 + header.length + i * 4, cp, true);
  return bytes;
}

/** Pads a header dict with spaces and a newline so the data starts on a 64-byte boundary. */
function padHeader(dict: string): string {
  const unpadded = 10 + dict.length + 1;
  return `${dict}${" ".repeat((64 - (unpadded % 64)) % 64)}\n`;
}

/** Magic, version 1.0 and the header (ASCII) at the start of `bytes`. */
function writePreamble(bytes: Uint8Array, header: string): void {
  bytes.set(MAGIC, 0);
  bytes[6] = 1;
  bytes[7] = 0;
  new DataView(bytes.buffer).setUint16(8, header.length, true);
  for (let i = 0; i < header.length; i++) bytes[10 + i] = header.charCodeAt(i);
}
