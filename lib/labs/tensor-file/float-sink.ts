// Where decoded numbers go: a Float64Array written in order, either of a
// size known in advance (a declared shape) or grown by doubling up to a cap
// (nested arrays, whose size is known only at the end).

const FIRST_CAPACITY = 1024;

export class FloatSink {
  private data: Float64Array;
  private readonly fixed: boolean;
  /** Values written so far. */
  length = 0;

  /** `size`: the exact count when known (the sink never grows), else null. */
  constructor(size: number | null) {
    this.fixed = size !== null;
    this.data = new Float64Array(size ?? FIRST_CAPACITY);
  }

  /** Room left before the fixed size; Infinity when the sink grows. */
  get room(): number {
    return this.fixed ? this.data.length - this.length : Number.POSITIVE_INFINITY;
  }

  /** Appends `value`; the caller checks `room` (fixed) or its own cap (growing) first. */
  push(value: number): void {
    if (this.length === this.data.length) this.grow(this.length + 1);
    this.data[this.length++] = value;
  }

  /** Appends all of `values`. */
  pushAll(values: Float64Array): void {
    if (this.length + values.length > this.data.length) this.grow(this.length + values.length);
    this.data.set(values, this.length);
    this.length += values.length;
  }

  /** The values written, as an array of exactly `length` (no copy when the size was known). */
  take(): Float64Array {
    return this.length === this.data.length ? this.data : this.data.slice(0, this.length);
  }

  private grow(needed: number): void {
    const next = new Float64Array(Math.max(needed, this.data.length * 2));
    next.set(this.data.subarray(0, this.length));
    this.data = next;
  }
}
