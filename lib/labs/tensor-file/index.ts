// Tensor files in and out of a lab: .npy / .npz / JSON submissions read into a
// float64 tensor (whole, or streamed from a request body), and the inputs a
// learner downloads as JSON, .npy and .npz. Pure (no HTTP, no Node-only
// APIs), so the browser can use it too.
import type { Tensor } from "../lab-types";
import { HOST_IS_LITTLE_ENDIAN } from "./decode-result";
import { tensorToJson } from "./json-tensor";

export { MAX_RANK, type DecodedValues, type DecodeResult } from "./decode-result";
export { BLOCK_VALUES, FloatSink } from "./float-sink";
export { decodeTensorFile, TensorFileDecoder, type TensorFileFormat } from "./file-decoder";
export { decodeJsonTensor, JsonTensorDecoder, jsonNumber, tensorToJson, type TensorDecoder } from "./json-tensor";
export { encodeNpy } from "./npy";
export { decodeNpy, MAX_NPY_HEADER_BYTES, NpyDecoder } from "./npy-decoder";
export { looksLikeNpy } from "./npy-header";
export { encodeNpz, type NpzEntry } from "./npz";
export { NpzDecoder } from "./npz-decoder";
export { readTensorStream, type StreamReadOptions, type StreamReadResult } from "./read-stream";

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

/** Float64 little-endian bytes of `data` (how LabSubmission.outputs stores a tensor): one copy of the array's memory. */
export function float64Bytes(data: Float64Array): Uint8Array<ArrayBuffer> {
  const out = new Uint8Array(data.length * 8);
  if (HOST_IS_LITTLE_ENDIAN) {
    out.set(new Uint8Array(data.buffer, data.byteOffset, data.byteLength));
    return out;
  }
  const view = new DataView(out.buffer);
  for (const [i, v] of data.entries()) view.setFloat64(i * 8, v, true);
  return out;
}

/** The inverse of float64Bytes (a copy, so any alignment of `bytes` works); `bytes.length` must be a multiple of 8. */
export function fromFloat64Bytes(bytes: Uint8Array): Float64Array {
  if (bytes.length % 8 !== 0) throw new Error(`stored tensor has ${bytes.length} bytes, not a multiple of 8`);
  const out = new Float64Array(bytes.length / 8);
  if (HOST_IS_LITTLE_ENDIAN) {
    new Uint8Array(out.buffer).set(bytes);
    return out;
  }
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  for (let i = 0; i < out.length; i++) out[i] = view.getFloat64(i * 8, true);
  return out;
}

/** A tensor stored as float64 little-endian pieces (FloatSink.chunks), joined in order into one array; each piece's length a multiple of 8. */
export function fromFloat64Chunks(chunks: readonly Uint8Array[]): Float64Array {
  const out = new Float64Array(chunks.reduce((n, c) => n + c.byteLength, 0) / 8);
  let at = 0;
  for (const chunk of chunks) {
    out.set(fromFloat64Bytes(chunk), at);
    at += chunk.byteLength / 8;
  }
  return out;
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
  'JSON cannot hold NaN or Infinity, so they are written as the strings "NaN", "Infinity" and "-Infinity".';

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
