// What GET /api/health reports: can we reach the database, and how fast.
import type { Db } from "../db/client";

export type HealthReport = {
  status: "ok" | "degraded";
  database: { status: "ok" | "down"; latencyMs: number; error?: string };
  /** Hand exercises grade in float64; labs and cross-checks run the tfjs reference on `reference`. */
  grader: { handExercises: "float64"; reference: string };
};

/**
 * Runs a trivial query and asks which tfjs backend the reference block runs on;
 * never throws. `clock` returns milliseconds (injected so tests can pin it).
 */
export async function checkHealth(db: Db, referenceBackend: () => Promise<string>, clock: () => number = () => performance.now()): Promise<HealthReport> {
  const reference = await referenceBackend().catch((error: unknown) => `unavailable (${firstLine(error)})`);
  const grader = { handExercises: "float64" as const, reference };
  const started = clock();
  try {
    await db.$queryRaw`SELECT 1`;
    return { status: "ok", database: { status: "ok", latencyMs: round(clock() - started) }, grader };
  } catch (error) {
    return { status: "degraded", database: { status: "down", latencyMs: round(clock() - started), error: firstLine(error) }, grader };
  }
}

const firstLine = (error: unknown): string => (error instanceof Error ? (error.message.split("\n")[0] ?? "unknown") : "unknown");

const round = (ms: number) => Math.round(ms * 100) / 100;
