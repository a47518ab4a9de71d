// Reading what the server's event-loop probe (lib/monitoring/event-loop-probe.ts)
// wrote, and polling /api/health from outside, for bench:abuse.
import { existsSync, readFileSync } from "node:fs";
import type { EventLoopSample } from "../../lib/monitoring/event-loop-probe";

/** The probe's samples whose interval ended in [from, to] (ms since the epoch). */
export function probeSamples(file: string, from = 0, to = Number.POSITIVE_INFINITY): EventLoopSample[] {
  if (!existsSync(file)) return [];
  return readFileSync(file, "utf8")
    .split("\n")
    .filter((line) => line.trim().length > 0)
    .map((line) => JSON.parse(line) as EventLoopSample)
    .filter((s) => s.at >= from && s.at <= to);
}

/** Waits until the probe has written at least one sample after `after`. */
export async function nextSample(file: string, after: number, timeoutMs = 5_000): Promise<EventLoopSample> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const [sample] = probeSamples(file, after + 1);
    if (sample) return sample;
    await new Promise((done) => setTimeout(done, 50));
  }
  throw new Error(`the server wrote no event-loop sample to ${file} within ${timeoutMs} ms: is instrumentation.ts in the build?`);
}

export type HealthPoll = { stop: () => Promise<number[]> };

/**
 * GETs /api/health one request at a time, starting one every `everyMs` (or
 * as soon as the previous answers, when it is slower); `stop` returns each
 * request's latency in ms. A failed request counts as its time to failure.
 */
export function pollHealth(baseUrl: string, everyMs = 20): HealthPoll {
  const latencies: number[] = [];
  let running = true;
  const loop = (async () => {
    while (running) {
      const started = performance.now();
      try {
        const response = await fetch(`${baseUrl}/api/health`, { signal: AbortSignal.timeout(60_000) });
        await response.arrayBuffer();
      } catch {
        // Counted below as its time to failure.
      }
      const took = performance.now() - started;
      latencies.push(took);
      if (took < everyMs) await new Promise((done) => setTimeout(done, everyMs - took));
    }
  })();
  return {
    stop: async () => {
      running = false;
      await loop;
      return latencies;
    },
  };
}
