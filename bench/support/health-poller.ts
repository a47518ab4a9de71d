// A child process of bench:abuse: GETs <url>/api/health one request at a
// time, one every ~20 ms (or as soon as the previous answers), and prints
// one line per request: `<start ms since epoch> <latency ms> <status>`.
// Its own process, so the uploading client's work never delays its requests
// or its clock. Stops on SIGTERM.
import { get } from "node:http";

const [baseUrl, everyArg] = process.argv.slice(2);
if (!baseUrl) throw new Error("usage: health-poller <base url> [every ms]");
const everyMs = Number(everyArg ?? 20);
const url = new URL("/api/health", baseUrl);
let running = true;
process.on("SIGTERM", () => (running = false));

function once(): Promise<number> {
  return new Promise((resolve) => {
    const request = get(url, { timeout: 120_000 }, (response) => {
      response.resume();
      response.on("end", () => resolve(response.statusCode ?? 0));
    });
    request.on("error", () => resolve(0));
    request.on("timeout", () => request.destroy());
  });
}

while (running) {
  const at = Date.now();
  const started = performance.now();
  const status = await once();
  const took = performance.now() - started;
  process.stdout.write(`${at} ${took.toFixed(2)} ${status}\n`);
  if (took < everyMs) await new Promise((done) => setTimeout(done, everyMs - took));
}
