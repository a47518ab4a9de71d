// A wrong output shape explained in words: what came, what was expected, and
// the likely cause (transposed, flattened, an axis off by one, …). Lab files
// add their own hints (one head only, attention weights) before these.

const show = (shape: readonly number[]): string => `[${shape.join(", ")}]`;
const product = (shape: readonly number[]): number => shape.reduce((p, n) => p * n, 1);

/**
 * One or two sentences about why `actual` is not `expected`. `axes` names the
 * expected axes (e.g. ["seq", "d_model"]); `labHint`, when given, is the
 * lab's own explanation and comes first.
 */
export function shapeMessage(expected: readonly number[], actual: readonly number[], axes: readonly string[], labHint: string | null): string {
  const head = `Got ${show(actual)}, expected ${show(expected)} (${axes.join(", ")})`;
  const cause = labHint ?? genericCause(expected, actual, axes);
  return cause ? `${head}: ${cause}` : `${head}.`;
}

function genericCause(expected: readonly number[], actual: readonly number[], axes: readonly string[]): string | null {
  if (actual.length === 0) return "a single number (rank 0): submit the whole array, not a reduction of it.";
  if (product(actual) === 0) return "the submission is empty.";
  if (expected.length === actual.length && expected.length >= 2 && isReversed(expected, actual)) {
    return "transposed? Axes are in reverse order; submit row-major with the first axis first.";
  }
  if (product(expected) === product(actual)) {
    if (actual.length === 1) return "flattened? Same number of elements; submit it with its axes.";
    return "same number of elements in a different layout: check the axis order or a reshape.";
  }
  if (expected.length === actual.length) {
    const off = expected.findIndex((n, i) => n !== actual[i]);
    const name = axes[off] ?? `axis ${off}`;
    const e = expected[off] ?? 0;
    const a = actual[off] ?? 0;
    const extra = Math.abs(e - a) === 1 ? " Off by one?" : e % a === 0 ? ` That is 1/${e / a} of it.` : "";
    return `axis ${off} (${name}) has ${a}, expected ${e}.${extra}`;
  }
  if (actual.length === expected.length - 1 && expected.slice(1).every((n, i) => n === actual[i])) {
    return `the first axis (${axes[0] ?? "axis 0"}) is missing: one row instead of all of them?`;
  }
  return `rank ${actual.length} instead of ${expected.length}.`;
}

function isReversed(expected: readonly number[], actual: readonly number[]): boolean {
  return expected.every((n, i) => n === actual[actual.length - 1 - i]) && !expected.every((n, i) => n === actual[i]);
}
