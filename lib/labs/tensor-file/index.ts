// Tensor files in and out of a lab: .npy / JSON submissions read into a
// float64 tensor, and the inputs a learner downloads as JSON, .npy and .npz.
// Pure (no HTTP, no Node-only APIs), so the browser can use it too.
import type { Tensor } from "../lab-types";
import type { DecodeResult } from "./decode-result";
import { decodeJsonTensor, tensorToJson } from "./json-tensor";
import { decodeNpy, looksLikeNpy } from "./npy";

export type { DecodeResult } from "./decode-result";
export { decodeJsonTensor, decodeJsonValue, jsonNumber, tensorToJson } from "./json-tensor";
export { decodeNpy, encodeNpy, looksLikeNpy } from "./npy";
export { crc32, encodeNpz } from "./npz";

export type TensorFileFormat = "npy" | "json";

/** Bytes a JSON submission may spend per element ("-1.2345678901234567e-10," is 24). */
const JSON_BYTES_PER_ELEMENT = 32;
/** Room for headers, brackets and whitespace on top of the elements. */
const OVERHEAD_BYTES = 64 * 1024;

/**
 * The largest upload accepted for `maxElements` elements, in bytes: enough for
 * the same count written as JSON (≤ 32 bytes a number) — and so for any .npy,
 * at ≤ 8 bytes an element. A body past this is refused before it is read.
 */
export function maxUploadBytes(maxElements: number): number {
  return maxElements * JSON_BYTES_PER_ELEMENT + OVERHEAD_BYTES;
}

/** Reads a submission: .npy when the bytes start with its magic string, else UTF-8 JSON. */
export function decodeTensorFile(bytes: Uint8Array, maxElements: number): DecodeResult & { format: TensorFileFormat } {
  if (looksLikeNpy(bytes)) return { ...decodeNpy(bytes, maxElements), format: "npy" };
  // A zip (an .npz, say) is a common slip: say so instead of "not valid JSON".
  if (bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04) {
    return { ok: false, message: "this is a zip/.npz archive: submit the one output array, saved with np.save(\"y.npy\", y)", format: "npy" };
  }
  const text = new TextDecoder("utf-8", { fatal: false }).decode(bytes);
  return { ...decodeJsonTensor(text, maxElements), format: "json" };
}

/** Float64 little-endian bytes of `data` (how LabSubmission.outputs stores a tensor). */
export function float64Bytes(data: Float64Array): Uint8Array<ArrayBuffer> {
  const out = new Uint8Array(data.length * 8);
  const view = new DataView(out.buffer);
  data.forEach((v, i) => view.setFloat64(i * 8, v, true));
  return out;
}

/** The inverse of float64Bytes; `bytes.length` must be a multiple of 8. */
export function fromFloat64Bytes(bytes: Uint8Array): Float64Array {
  if (bytes.length % 8 !== 0) throw new Error(`stored tensor has ${bytes.length} bytes, not a multiple of 8`);
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  return Float64Array.from({ length: bytes.length / 8 }, (_, i) => view.getFloat64(i * 8, true));
}

export type InputsBundle = {
  lab: string;
  seed: number;
  conventions: string[];
  scalars: Record<string, number | string | boolean>;
  inputs: readonly { name: string; tensor: Tensor }[];
};

/** How every download lays its numbers out; repeated in each JSON file so a file explains itself. */
export const FILE_CONVENTIONS =
  "Every array is float64, row-major (C order): element [i, j] of a shape [m, n] array is data[i * n + j]. " +
  "JSON cannot hold NaN or Infinity, so they are written as the strings \"NaN\", \"Infinity\" and \"-Infinity\".";

/** The JSON download: `{ lab, seed, layout, conventions, scalars, inputs: { name: { shape, data } } }`, data flat. */
export function encodeInputsJson(bundle: InputsBundle): string {
  const inputs = Object.fromEntries(bundle.inputs.map(({ name, tensor }) => [name, tensorToJson(tensor)]));
  return JSON.stringify({
    lab: bundle.lab,
    seed: bundle.seed,
    layout: FILE_CONVENTIONS,
    conventions: bundle.conventions,
    scalars: bundle.scalars,
    inputs,
  });
}
