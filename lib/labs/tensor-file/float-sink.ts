// Where decoded numbers go: blocks of BLOCK_VALUES float64 values (64 KiB
// each, the size a stored chunk has), filled in order. Small blocks keep an
// upload's memory out of large allocations (which the C allocator may never
// give back), each full block is stored as one chunk without copying, and
// blocks are reused from a small pool once released, so a stream of uploads
// does not leave a trail of long-lived garbage for the collector. A size known
// in advance (a declared shape) is enforced by the caller via `room`; a
// contiguous array is made only when one is asked for.
import { HOST_IS_LITTLE_ENDIAN } from "./decode-result";

/** Values per block: 8,192 float64 = 64 KiB. */
export const BLOCK_VALUES = 8192;

/** Released blocks kept for reuse: 256 × 64 KiB = 16 MiB at most, two maximum-size tensors (the uploads a server reads at once). */
const POOL_LIMIT = 256;
const pool: Float64Array<ArrayBuffer>[] = [];

function newBlock(): Float64Array<ArrayBuffer> {
  return pool.pop() ?? new Float64Array(BLOCK_VALUES);
}

export class FloatSink {
  private readonly blocks: Float64Array<ArrayBuffer>[] = [];
  private readonly size: number | null;
  /** Values written so far. */
  length = 0;

  /** `size`: the exact count when it is known in advance, else null (no limit here; callers cap). */
  constructor(size: number | null) {
    this.size = size;
  }

  /** Room left before the declared size; Infinity when none was declared. */
  get room(): number {
    return this.size === null ? Number.POSITIVE_INFINITY : this.size - this.length;
  }

  /** Bytes the values take as float64. */
  get byteLength(): number {
    return this.length * 8;
  }

  /** Appends `value`; the caller checks `room` or its own cap first. */
  push(value: number): void {
    const at = this.length % BLOCK_VALUES;
    if (at === 0) this.blocks.push(newBlock());
    const block = this.blocks[this.blocks.length - 1];
    if (block) block[at] = value;
    this.length++;
  }

  /** Appends the first `count` values of `values` (a typed array of any numeric kind but bigint). */
  pushAll(values: Float64Array | Float32Array | Int32Array | Int16Array | Int8Array | Uint32Array | Uint16Array | Uint8Array, count: number): void {
    let from = 0;
    while (from < count) {
      const at = this.length % BLOCK_VALUES;
      if (at === 0) this.blocks.push(newBlock());
      const block = this.blocks[this.blocks.length - 1];
      const n = Math.min(BLOCK_VALUES - at, count - from);
      block?.set(values.subarray(from, from + n), at);
      from += n;
      this.length += n;
    }
  }

  /**
   * Gives the blocks back to the pool and empties the sink. Call it once the
   * values (and any chunk handed out) are no longer used.
   */
  release(): void {
    for (const block of this.blocks) if (pool.length < POOL_LIMIT) pool.push(block);
    this.blocks.length = 0;
    this.length = 0;
  }

  /** The values as one contiguous array of exactly `length` (a copy). */
  take(): Float64Array {
    const out = new Float64Array(this.length);
    for (const [i, block] of this.blocks.entries()) out.set(block.subarray(0, Math.min(BLOCK_VALUES, this.length - i * BLOCK_VALUES)), i * BLOCK_VALUES);
    return out;
  }

  /** The values as float64 little-endian bytes, one piece per block (views of the blocks on a little-endian host). */
  *chunks(): Generator<Uint8Array<ArrayBuffer>> {
    for (const [i, block] of this.blocks.entries()) {
      const used = Math.min(BLOCK_VALUES, this.length - i * BLOCK_VALUES);
      if (HOST_IS_LITTLE_ENDIAN) {
        yield new Uint8Array(block.buffer, 0, used * 8);
        continue;
      }
      const bytes = new Uint8Array(used * 8);
      const view = new DataView(bytes.buffer);
      for (let j = 0; j < used; j++) view.setFloat64(j * 8, block[j] ?? 0, true);
      yield bytes;
    }
  }
}
