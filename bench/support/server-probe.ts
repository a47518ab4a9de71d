// For bench:abuse: reading what the server's event-loop probe
// (lib/monitoring/event-loop-probe.ts) wrote, polling /api/health from a
// separate process, and posting large bodies without holding the client.
import { spawn } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { request } from "node:http";
import { join } from "node:path";
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

/** Asks the server for a full garbage collection (the probe's SIGUSR2) and returns the sample it writes right after. */
export async function sampleAfterGc(file: string): Promise<EventLoopSample> {
  const [last] = probeSamples(file).slice(-1);
  if (!last) throw new Error(`no event-loop sample in ${file} yet`);
  const asked = Date.now();
  process.kill(last.pid, "SIGUSR2");
  const deadline = asked + 10_000;
  while (Date.now() < deadline) {
    const done = probeSamples(file, asked).find((s) => s.afterGc);
    if (done) return done;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error("the server did not answer the garbage-collection request");
}

/** Waits until the probe has written at least one sample after `after`. */
export async function nextSample(file: string, after: number, timeoutMs = 5_000): Promise<EventLoopSample> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const [sample] = probeSamples(file, after + 1);
    if (sample && sample.heapTotalBytes === undefined) throw new Error("the production build predates the current event-loop probe: run npm run build first");
    if (sample) return sample;
    await new Promise((done) => setTimeout(done, 50));
  }
  throw new Error(`the server wrote no event-loop sample to ${file} within ${timeoutMs} ms: is instrumentation.ts in the build?`);
}

export type HealthSample = { at: number; ms: number; status: number };
export type HealthPoll = { stop: () => Promise<HealthSample[]> };

/**
 * Polls /api/health from a child process (health-poller.ts), so the
 * latencies are the server's and not the uploading client's; `stop` ends it
 * and returns every request's start time, latency and status (0: no answer).
 */
export function pollHealth(baseUrl: string, everyMs = 20): HealthPoll {
  const child = spawn(join(process.cwd(), "node_modules", ".bin", "tsx"), [join(import.meta.dirname, "health-poller.ts"), baseUrl, String(everyMs)], {
    stdio: ["ignore", "pipe", "inherit"],
  });
  let output = "";
  child.stdout.setEncoding("utf8");
  child.stdout.on("data", (text: string) => (output += text));
  const exited = new Promise<void>((done) => child.once("exit", () => done()));
  return {
    stop: async () => {
      child.kill("SIGTERM");
      await exited;
      return output
        .split("\n")
        .filter((line) => line.trim().length > 0)
        .map((line) => {
          const [at, ms, status] = line.split(" ").map(Number);
          return { at: at ?? 0, ms: ms ?? 0, status: status ?? 0 };
        });
    },
  };
}

/** Posts `body` to `url` with node:http, written in 64 KiB pieces as the socket takes them; the status (0: no answer) and time. */
export function postStreamed(url: URL, body: Uint8Array, headers: Record<string, string>): Promise<{ status: number; ms: number }> {
  const started = performance.now();
  return new Promise((resolve) => {
    const done = (status: number) => resolve({ status, ms: performance.now() - started });
    const req = request(url, { method: "POST", headers: { ...headers, "content-length": String(body.byteLength) }, timeout: 300_000 }, (response) => {
      response.resume();
      response.on("end", () => done(response.statusCode ?? 0));
    });
    req.on("error", () => done(0));
    req.on("timeout", () => req.destroy());
    let at = 0;
    const write = (): void => {
      while (at < body.byteLength) {
        const piece = body.subarray(at, at + 65_536);
        at += piece.byteLength;
        if (!req.write(piece)) {
          req.once("drain", write);
          return;
        }
      }
      req.end();
    };
    write();
  });
}
