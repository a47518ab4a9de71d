// A measurement aid for benchmarks, off unless RESIDUAL_EVENT_LOOP_FILE is
// set: samples the server process's event-loop delay (perf_hooks histogram)
// and memory, and appends one JSON line per interval to that file. Started
// from instrumentation.ts, so it runs inside the server whatever starts it
// (next start, next dev or a custom server). No endpoint exposes it. On
// SIGUSR2 it runs a full garbage collection and writes a sample at once, so
// a benchmark can tell memory still held from garbage not yet collected.
import { appendFileSync } from "node:fs";
import { monitorEventLoopDelay } from "node:perf_hooks";
import { setFlagsFromString } from "node:v8";
import { runInNewContext } from "node:vm";

/** One line of the file: the interval that ended at `at` (ms since the epoch). */
export type EventLoopSample = {
  at: number;
  pid: number;
  /** Longest event-loop delay seen in the interval, ms. */
  maxDelayMs: number;
  p99DelayMs: number;
  meanDelayMs: number;
  rssBytes: number;
  /** The JS heap: what V8 has reserved, and what is in use. */
  heapTotalBytes: number;
  heapUsedBytes: number;
  /** Memory of ArrayBuffers and Buffers, outside the JS heap. */
  arrayBuffersBytes: number;
  /** Written right after a full garbage collection asked for with SIGUSR2. */
  afterGc?: true;
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
  const write = (afterGc: boolean) => {
    const memory = process.memoryUsage();
    const sample: EventLoopSample = {
      at: Date.now(),
      pid: process.pid,
      maxDelayMs: histogram.count > 0 ? histogram.max / 1e6 : 0,
      p99DelayMs: histogram.count > 0 ? histogram.percentile(99) / 1e6 : 0,
      meanDelayMs: histogram.count > 0 ? histogram.mean / 1e6 : 0,
      rssBytes: memory.rss,
      heapTotalBytes: memory.heapTotal,
      heapUsedBytes: memory.heapUsed,
      arrayBuffersBytes: memory.arrayBuffers,
      ...(afterGc ? { afterGc: true as const } : {}),
    };
    histogram.reset();
    appendFileSync(file, `${JSON.stringify(sample)}\n`);
  };
  const timer = setInterval(() => write(false), everyMs);
  timer.unref();
  setFlagsFromString("--expose-gc");
  const collect: unknown = runInNewContext("gc");
  const onSignal = () => {
    if (typeof collect === "function") collect();
    write(true);
  };
  process.on("SIGUSR2", onSignal);
  return () => {
    clearInterval(timer);
    process.off("SIGUSR2", onSignal);
    histogram.disable();
  };
}
