// A measurement aid for benchmarks, off unless RESIDUAL_EVENT_LOOP_FILE is
// set: samples the server process's event-loop delay (perf_hooks histogram)
// and memory, and appends one JSON line per interval to that file. Started
// from instrumentation.ts, so it runs inside the server whatever starts it
// (next start, next dev or a custom server). No endpoint exposes it.
import { appendFileSync } from "node:fs";
import { monitorEventLoopDelay } from "node:perf_hooks";

/** One line of the file: the interval that ended at `at` (ms since the epoch). */
export type EventLoopSample = {
  at: number;
  pid: number;
  /** Longest event-loop delay seen in the interval, ms. */
  maxDelayMs: number;
  p99DelayMs: number;
  meanDelayMs: number;
  rssBytes: number;
  heapUsedBytes: number;
  /** Memory of ArrayBuffers and Buffers, outside the JS heap. */
  arrayBuffersBytes: number;
};

/** Histogram resolution in ms: delays shorter than this are not seen. */
const RESOLUTION_MS = 5;

/**
 * Appends an EventLoopSample to `file` every `everyMs` ms until the process
 * ends (the timer does not keep it alive). Returns a stop function.
 */
export function startEventLoopProbe(file: string, everyMs = 100): () => void {
  const histogram = monitorEventLoopDelay({ resolution: RESOLUTION_MS });
  histogram.enable();
  const timer = setInterval(() => {
    const memory = process.memoryUsage();
    const sample: EventLoopSample = {
      at: Date.now(),
      pid: process.pid,
      maxDelayMs: histogram.count > 0 ? histogram.max / 1e6 : 0,
      p99DelayMs: histogram.count > 0 ? histogram.percentile(99) / 1e6 : 0,
      meanDelayMs: histogram.count > 0 ? histogram.mean / 1e6 : 0,
      rssBytes: memory.rss,
      heapUsedBytes: memory.heapUsed,
      arrayBuffersBytes: memory.arrayBuffers,
    };
    histogram.reset();
    appendFileSync(file, `${JSON.stringify(sample)}\n`);
  }, everyMs);
  timer.unref();
  return () => {
    clearInterval(timer);
    histogram.disable();
  };
}
