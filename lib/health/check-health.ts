// What GET /api/health reports: can we reach the database, and how fast.
import type { Db } from "../db/client";

export type HealthReport = {
  status: "ok" | "degraded";
  database: { status: "ok" | "down"; latencyMs: number; error?: string };
};

/** Runs a trivial query; never throws. `clock` returns milliseconds (injected so tests can pin it). */
export async function checkHealth(db: Db, clock: () => number = () => performance.now()): Promise<HealthReport> {
  const started = clock();
  try {
    await db.$queryRaw`SELECT 1`;
    return { status: "ok", database: { status: "ok", latencyMs: round(clock() - started) } };
  } catch (error) {
    const message = error instanceof Error ? error.message.split("\n")[0] ?? "unknown" : "unknown";
    return { status: "degraded", database: { status: "down", latencyMs: round(clock() - started), error: message } };
  }
}

const round = (ms: number) => Math.round(ms * 100) / 100;
