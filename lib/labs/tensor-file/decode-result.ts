// What reading a learner's file gives: a tensor, or one message saying what
// is wrong with the file. A bad file is an expected outcome, not an exception.
import { truncateInput } from "../../errors/quote-input";
import type { Tensor } from "../lab-types";
import type { FloatSink } from "./float-sink";

export type DecodeResult = { ok: true; tensor: Tensor } | { ok: false; message: string };

/** What a decoder ends with: the shape and the values in blocks (see FloatSink), or the message. */
export type DecodedValues = { ok: true; shape: number[]; values: FloatSink } | { ok: false; message: string };

/** DecodedValues with the values joined into one array (the blocks are released). */
export function toDecodeResult(decoded: DecodedValues): DecodeResult {
  if (!decoded.ok) return decoded;
  const data = decoded.values.take();
  decoded.values.release();
  return { ok: true, tensor: { shape: decoded.shape, data } };
}

/** Whether typed arrays on this host are little-endian (every mainstream one is), so float64 bytes can be viewed in place. */
export const HOST_IS_LITTLE_ENDIAN = new Uint8Array(Uint16Array.of(1).buffer)[0] === 1;

/** Largest rank a submitted tensor may have; lab outputs have 1–4 axes. Also the deepest nesting a JSON file may use. */
export const MAX_RANK = 8;

/** Characters of the learner's own input a message may quote. */
export const QUOTE_CHARS = 40;

/**
 * Checks a declared shape before anything is allocated: whole non-negative
 * dimensions, at most MAX_RANK axes, and at most `maxElements` elements.
 * Returns a message, or null when the shape is acceptable.
 */
export function checkShape(shape: readonly number[], maxElements: number): string | null {
  if (shape.length > MAX_RANK) return `too many axes: ${shape.length} (at most ${MAX_RANK})`;
  if (!shape.every((d) => Number.isSafeInteger(d) && d >= 0))
    return `the shape ${truncateInput(`[${shape.join(", ")}]`, QUOTE_CHARS)} must hold whole numbers ≥ 0`;
  const count = elementCount(shape);
  if (count > maxElements) return tooManyElements(count, maxElements);
  return null;
}

/** The product of the dimensions (1 for a scalar). */
export function elementCount(shape: readonly number[]): number {
  let count = 1;
  for (const d of shape) count *= d;
  return count;
}

/** A file refused with `message`. */
export function fail(message: string): { ok: false; message: string } {
  return { ok: false, message };
}

/** The element-cap message; `atLeast` when reading stopped before the whole count was known. */
export function tooManyElements(count: number, maxElements: number, atLeast = false): string {
  const shown = count > 1e15 ? "more than 10^15" : `${atLeast ? "at least " : ""}${count.toLocaleString("en-US")}`;
  return `too many elements: ${shown} (a lab output holds at most ${maxElements.toLocaleString("en-US")})`;
}
