// Reading an uploaded file from its body stream without holding the server:
// each network chunk is decoded in small slices, and the reader gives the
// event loop a turn whenever it has run for a few milliseconds. The body is
// cancelled as soon as the file is refused or passes the byte cap, so a bad
// or oversized upload costs only the bytes read up to that point.
import { TensorFileDecoder, type TensorFileFormat } from "./file-decoder";
import type { FloatSink } from "./float-sink";

/** Bytes decoded between checks of the clock. */
const SLICE_BYTES = 16 * 1024;
/** Longest the reader runs before letting other work in, in ms. */
const BUDGET_MS = 4;

export type StreamReadOptions = {
  maxElements: number;
  /** Bytes the body may hold; one more and it is refused as too large. */
  maxBytes: number;
  /** Lets other work run; by default a macrotask turn (setImmediate where there is one). */
  yieldToLoop?: () => Promise<void>;
  /** Milliseconds of decoding between turns (default 4). */
  budgetMs?: number;
  /** The whole body must arrive within this many ms (default: no limit); a slower one is cancelled. */
  timeoutMs?: number;
};

export type StreamReadResult =
  | { ok: true; shape: number[]; values: FloatSink; format: TensorFileFormat; bytesRead: number }
  | { ok: false; reason: "invalid" | "too-large" | "too-slow"; message: string; format: TensorFileFormat; bytesRead: number };

const TIMED_OUT = Symbol("timed out");

/** A promise that resolves to TIMED_OUT after `ms` (never, without `ms`), and a way to stop its timer. */
function deadlineAfter(ms: number | undefined): { passed: Promise<typeof TIMED_OUT>; clear: () => void } {
  if (ms === undefined) return { passed: new Promise(() => undefined), clear: () => undefined };
  let timer: ReturnType<typeof setTimeout> | undefined;
  const passed = new Promise<typeof TIMED_OUT>((resolve) => (timer = setTimeout(() => resolve(TIMED_OUT), ms)));
  return { passed, clear: () => clearTimeout(timer) };
}

function macrotask(): Promise<void> {
  return new Promise((resolve) => (typeof setImmediate === "function" ? setImmediate(resolve) : setTimeout(resolve, 0)));
}

/**
 * Reads a .npy or JSON tensor from `body` (null reads as an empty file).
 * Never holds the whole text; keeps the values (in 64 KiB blocks) and one
 * network chunk. The caller releases `values` once it has stored them.
 */
export async function readTensorStream(body: ReadableStream<Uint8Array> | null, options: StreamReadOptions): Promise<StreamReadResult> {
  const decoder = new TensorFileDecoder(options.maxElements);
  const pause = options.yieldToLoop ?? macrotask;
  const budgetMs = options.budgetMs ?? BUDGET_MS;
  let bytesRead = 0;
  const refused = (message: string, reason: "invalid" | "too-large" | "too-slow"): StreamReadResult => {
    decoder.release();
    return { ok: false, reason, message, format: decoder.format, bytesRead };
  };
  if (body) {
    const reader = body.getReader();
    let ranSince = performance.now();
    const deadline = deadlineAfter(options.timeoutMs);
    try {
      for (;;) {
        const next = await Promise.race([reader.read(), deadline.passed]);
        if (next === TIMED_OUT) {
          await reader.cancel().catch(() => undefined);
          return refused(
            `the upload did not arrive within ${((options.timeoutMs ?? 0) / 1000).toLocaleString("en-US", { maximumFractionDigits: 1 })} s`,
            "too-slow",
          );
        }
        const { done, value } = next;
        if (done) break;
        bytesRead += value.byteLength;
        if (bytesRead > options.maxBytes) {
          await reader.cancel().catch(() => undefined);
          return refused(`the upload is larger than ${options.maxBytes.toLocaleString("en-US")} bytes`, "too-large");
        }
        for (let at = 0; at < value.byteLength; at += SLICE_BYTES) {
          const problem = decoder.write(value.subarray(at, at + SLICE_BYTES));
          if (problem) {
            await reader.cancel().catch(() => undefined);
            return refused(problem, "invalid");
          }
          if (performance.now() - ranSince >= budgetMs) {
            await pause();
            ranSince = performance.now();
          }
        }
      }
    } catch (error) {
      // The client went away mid-upload: nothing to answer, but the blocks go back.
      decoder.release();
      throw error;
    } finally {
      deadline.clear();
    }
  }
  const result = decoder.finish();
  if (!result.ok) return refused(result.message, "invalid");
  return { ok: true, shape: result.shape, values: result.values, format: decoder.format, bytesRead };
}
