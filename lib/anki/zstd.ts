// Bounded zstd decompression (fzstd, pure JS). fzstd allocates a frame's
// window as its header declares, so every frame header is checked first
// (window at most MAX_ZSTD_WINDOW_BYTES, like zstd's own default), then the
// output is counted block by block against the package's budget.
import { Decompress } from "fzstd";
import { timeSlice } from "../event-loop/yield";
import { AnkiPackageError, causeText } from "./errors";
import { MAX_ZSTD_WINDOW_BYTES } from "./limits";
import type { UnpackBudget } from "./unpack-budget";

const ZSTD_MAGIC = 0xfd2fb528;
const MIB = 1024 * 1024;
/** Compressed bytes fed to the decoder at a time: a few blocks, a few ms of decoding. */
const PUSH_BYTES = 16 * 1024;

/** True when `bytes` start with a zstd frame. */
export function isZstd(bytes: Uint8Array): boolean {
  return bytes.length >= 4 && new DataView(bytes.buffer, bytes.byteOffset, 4).getUint32(0, true) === ZSTD_MAGIC;
}

function readUint(bytes: Uint8Array, at: number, size: number): number {
  let value = 0;
  for (let i = size - 1; i >= 0; i -= 1) value = value * 256 + (bytes[at + i] ?? 0);
  return value;
}

/** Walks the frames of `bytes` without decoding them; returns the largest window any frame needs. */
function largestWindow(bytes: Uint8Array, name: string): number {
  const corrupt = (why: string) => new AnkiPackageError("CORRUPT", `Package member ${name} is not valid zstd data (${why})`);
  let at = 0;
  let largest = 0;
  while (at < bytes.length) {
    if (at + 4 > bytes.length) throw corrupt("truncated frame");
    const magic = readUint(bytes, at, 4);
    if (magic >>> 4 === 0x184d2a5) {
      at += 8 + readUint(bytes, at + 4, 4);
      continue;
    }
    if (magic !== ZSTD_MAGIC) throw corrupt("bad frame magic");
    const descriptor = bytes[at + 4] ?? 0;
    const singleSegment = (descriptor >> 5) & 1;
    const fcsFlag = descriptor >> 6;
    const dictBytes = [0, 1, 2, 4][descriptor & 3] ?? 0;
    if (descriptor & 8) throw corrupt("reserved bit set");
    if (dictBytes) throw corrupt("dictionaries are not supported");
    let p = at + 5;
    let window = 0;
    if (!singleSegment) {
      const w = bytes[p++] ?? 0;
      const base = 2 ** (10 + (w >> 3));
      window = base + (base / 8) * (w & 7);
    }
    const fcsBytes = fcsFlag === 0 ? singleSegment : 2 ** fcsFlag;
    if (singleSegment) window = readUint(bytes, p, fcsBytes) + (fcsFlag === 1 ? 256 : 0);
    p += fcsBytes;
    largest = Math.max(largest, window);
    for (let last = 0; !last; ) {
      if (p + 3 > bytes.length) throw corrupt("truncated block");
      const header = readUint(bytes, p, 3);
      last = header & 1;
      const type = (header >> 1) & 3;
      if (type === 3) throw corrupt("reserved block type");
      p += 3 + (type === 1 ? 1 : header >>> 3);
    }
    at = p + ((descriptor >> 2) & 1) * 4;
  }
  if (at > bytes.length) throw corrupt("truncated frame");
  return largest;
}

/**
 * Decompresses the zstd data of member `name`, counting every block against
 * `budget`. Throws AnkiPackageError CORRUPT (not zstd, truncated, a checksum
 * or structure error) or TOO_LARGE (a window over the limit, or a cap broken).
 * The data goes to the decoder in pieces with turns of the event loop between:
 * a 9 MiB collection takes about a second of CPU.
 */
export async function unzstd(bytes: Uint8Array, name: string, budget: UnpackBudget): Promise<Uint8Array> {
  if (!isZstd(bytes)) throw new AnkiPackageError("CORRUPT", `Package member ${name} is not zstd-compressed`);
  const window = largestWindow(bytes, name);
  if (window > MAX_ZSTD_WINDOW_BYTES) {
    throw new AnkiPackageError(
      "TOO_LARGE",
      `Package member ${name} needs a ${Math.ceil(window / MIB)} MiB zstd window; at most ${MAX_ZSTD_WINDOW_BYTES / MIB} MiB`,
    );
  }
  const chunks: Uint8Array[] = [];
  let size = 0;
  const decoder = new Decompress((chunk) => {
    size += chunk.length;
    budget.take(chunk.length, name, size);
    chunks.push(chunk);
  });
  const pause = timeSlice();
  try {
    for (let at = 0; at < bytes.length; at += PUSH_BYTES) {
      decoder.push(bytes.subarray(at, at + PUSH_BYTES), at + PUSH_BYTES >= bytes.length);
      await pause();
    }
  } catch (error) {
    if (error instanceof AnkiPackageError) throw error;
    throw new AnkiPackageError("CORRUPT", `Package member ${name} is damaged: ${causeText(error)}`);
  }
  const out = new Uint8Array(size);
  let at = 0;
  for (const chunk of chunks) {
    out.set(chunk, at);
    at += chunk.length;
  }
  return out;
}
