// A tensor written as nested JSON arrays, checked as it streams in. The
// shape is learnt along the way: each axis's length from the first row at
// that depth (the rank from the first number, or the first empty row), and
// every later row must match it. A row promising more elements than the cap
// is refused when it opens, before its numbers arrive.
import { MAX_RANK, tooManyElements } from "./decode-result";
import { FloatSink } from "./float-sink";

const UNKNOWN = -1;

export const NOT_A_NUMBER = 'use a number or "NaN", "Infinity", "-Infinity"';

export class NestedArrays {
  private readonly maxElements: number;
  /** Entries so far in the open array at each depth. */
  private readonly counts = new Array<number>(MAX_RANK).fill(0);
  /** Each axis's length once its first row has closed (axis 0 at the very end). */
  private readonly dims = new Array<number>(MAX_RANK).fill(UNKNOWN);
  private rank = UNKNOWN;
  private readonly sink = new FloatSink(null);

  constructor(maxElements: number) {
    this.maxElements = maxElements;
  }

  /** An array opens with `depth` arrays around it. */
  open(depth: number): string | null {
    if (depth > 0) {
      const problem = this.entry(depth - 1);
      if (problem) return problem;
    }
    if (this.rank !== UNKNOWN && depth >= this.rank) return `ragged arrays: a list at ${this.path(depth)} where a number was expected`;
    if (depth >= MAX_RANK) return `too many nested levels (at most ${MAX_RANK} axes)`;
    this.counts[depth] = 0;
    const promised = this.promised(depth);
    if (promised > this.maxElements) return tooManyElements(promised, this.maxElements, true);
    return null;
  }

  /** The array at `depth` closes; at depth 0 the tensor is complete. */
  close(depth: number): string | null {
    const count = this.counts[depth] ?? 0;
    if (this.rank === UNKNOWN && count === 0) this.rank = depth + 1;
    if (depth === 0) {
      this.dims[0] = count;
      if (this.rank === UNKNOWN) this.rank = 1;
      return null;
    }
    const expected = this.dims[depth] ?? UNKNOWN;
    if (expected === UNKNOWN) this.dims[depth] = count;
    else if (count !== expected) return `ragged arrays: the row at ${this.path(depth)} has ${count} entries, expected ${expected}`;
    return null;
  }

  /**
   * A value inside the array at `depth - 1`: a number (NaN and ±Infinity
   * included), or null for anything else, described by `quoted`.
   */
  value(depth: number, value: number | null, quoted: string): string | null {
    const problem = this.entry(depth - 1);
    if (problem) return problem;
    if (this.rank === UNKNOWN && value !== null) this.rank = depth;
    if (this.rank !== UNKNOWN && depth !== this.rank) {
      return `ragged arrays: a ${value === null ? "value" : "number"} at ${this.path(depth)} where a list of ${this.dims[depth] ?? "numbers"} was expected`;
    }
    if (value === null) return `the entry at ${this.path(depth)} is ${quoted}: ${NOT_A_NUMBER}`;
    if (this.sink.length >= this.maxElements) return tooManyElements(this.sink.length + 1, this.maxElements, true);
    this.sink.push(value);
    return null;
  }

  /** The shape and values read, once the outer array has closed. */
  result(): { shape: number[]; values: FloatSink } {
    return { shape: this.dims.slice(0, this.rank), values: this.sink };
  }

  /** Gives back the values' blocks. */
  release(): void {
    this.sink.release();
  }

  /** Counts one more entry in the array at `depth`; refuses a row longer than the first one at its depth. */
  private entry(depth: number): string | null {
    const count = (this.counts[depth] ?? 0) + 1;
    this.counts[depth] = count;
    const expected = depth > 0 ? (this.dims[depth] ?? UNKNOWN) : UNKNOWN;
    if (expected !== UNKNOWN && count > expected) {
      return `ragged arrays: the row at ${this.path(depth)} has more than ${expected} entries, expected ${expected}`;
    }
    return null;
  }

  /** Elements known to exist once an array at `depth` opens: those written plus the ones that row must hold. */
  private promised(depth: number): number {
    if (this.rank === UNKNOWN) return this.sink.length;
    let size = 1;
    for (let axis = depth; axis < this.rank; axis++) {
      const dim = this.dims[axis] ?? UNKNOWN;
      if (dim === UNKNOWN) return this.sink.length;
      size *= dim;
    }
    return this.sink.length + size;
  }

  /** The index path of the entry being read at `depth`, e.g. "[2, 0]". */
  private path(depth: number): string {
    return `[${this.counts
      .slice(0, depth)
      .map((c) => c - 1)
      .join(", ")}]`;
  }
}
