// CPU the server spends per request on one route, measured from /proc around
// a burst of identical requests: the floor a route cannot go below (Next.js
// and Node's own work per request) next to the route under study.
import { cpuBetween, sampleCpu } from "./cpu";

export type RouteCost = { label: string; requests: number; serverMsPerRequest: number; wallMs: number };

/** Sends `requests` requests made by `make` from `concurrency` loops; returns the server group's CPU ms per request. */
export async function measureRouteCost(
  label: string,
  serverPid: number,
  make: (i: number) => Promise<Response>,
  requests: number,
  concurrency: number,
): Promise<RouteCost> {
  let next = 0;
  const before = sampleCpu(serverPid, undefined);
  const started = performance.now();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      for (let i = next++; i < requests; i = next++) {
        const response = await make(i);
        await response.arrayBuffer();
        if (!response.ok) throw new Error(`${label}: request ${i} answered ${response.status}`);
      }
    }),
  );
  const wallMs = performance.now() - started;
  const cpu = cpuBetween(before, sampleCpu(serverPid, undefined));
  return { label, requests, serverMsPerRequest: cpu ? cpu.server / requests : Number.NaN, wallMs };
}
