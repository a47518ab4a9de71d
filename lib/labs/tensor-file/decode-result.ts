// What reading a learner's file gives: a tensor, or one message saying what
// is wrong with the file. A bad file is an expected outcome, not an exception.
import type { Tensor } from "../lab-types";

export type DecodeResult = { ok: true; tensor: Tensor } | { ok: false; message: string };

/** Largest rank a submitted tensor may have; lab outputs have 1–4 axes. */
export const MAX_RANK = 8;

/**
 * Checks a declared shape before anything is allocated: whole non-negative
 * dimensions, at most MAX_RANK axes, and at most `maxElements` elements.
 * Returns a message, or null when the shape is acceptable.
 */
export function checkShape(shape: readonly number[], maxElements: number): string | null {
  if (shape.length > MAX_RANK) return `too many axes: ${shape.length} (at most ${MAX_RANK})`;
  if (!shape.every((d) => Number.isSafeInteger(d) && d >= 0)) return `the shape [${shape.join(", ")}] must hold whole numbers ≥ 0`;
  let count = 1;
  for (const d of shape) count *= d;
  if (count > maxElements) return tooManyElements(count, maxElements);
  return null;
}

/** A file refused with `message`. */
export function fail(message: string): { ok: false; message: string } {
  return { ok: false, message };
}

export function tooManyElements(count: number, maxElements: number): string {
  return `too many elements: ${count > 1e15 ? "more than 10^15" : count.toLocaleString("en-US")} (a lab output holds at most ${maxElements.toLocaleString("en-US")})`;
}
