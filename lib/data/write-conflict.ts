// The one retry helper for compare-and-set writes: a write that found a newer
// version (StaleStateError) or a unique violation from a concurrent insert of
// the same row lost a race, and the whole read-compute-write runs again from
// the fresh row. Every compare-and-set in lib/ goes through withRetries.
import pg from "pg";
import { Prisma } from "../db/generated/client";

/** How many times a lost race is tried in all before the error reaches the caller. */
export const MAX_WRITE_ATTEMPTS = 5;

/** Thrown by a workflow when its compare-and-set found a newer version: another writer got there first. */
export class StaleStateError extends Error {
  constructor(what = "card state") {
    super(`${what} changed concurrently`);
    this.name = "StaleStateError";
  }
}

/** Postgres's SQLSTATE for a unique violation, as a raw statement on the pg pool reports it. */
const UNIQUE_VIOLATION = "23505";

/**
 * True for a lost race: a stale compare-and-set, a unique violation (P2002;
 * P2010 from a raw statement through Prisma; SQLSTATE 23505 from one on the
 * pg pool) or a write conflict (P2034).
 */
export function isRetryableWriteConflict(error: unknown): boolean {
  if (error instanceof StaleStateError) return true;
  if (error instanceof pg.DatabaseError) return error.code === UNIQUE_VIOLATION;
  if (!(error instanceof Prisma.PrismaClientKnownRequestError)) return false;
  if (error.code === "P2002" || error.code === "P2034") return true;
  // Raw statements report driver errors under P2010 with the adapter's kind.
  return error.code === "P2010" && driverErrorKind(error.meta) === "UniqueConstraintViolation";
}

function driverErrorKind(meta: unknown): string | undefined {
  if (typeof meta !== "object" || meta === null || !("driverAdapterError" in meta)) return undefined;
  const adapterError: unknown = meta.driverAdapterError;
  if (typeof adapterError !== "object" || adapterError === null || !("cause" in adapterError)) return undefined;
  const cause: unknown = adapterError.cause;
  if (typeof cause !== "object" || cause === null || !("kind" in cause)) return undefined;
  return typeof cause.kind === "string" ? cause.kind : undefined;
}

/**
 * Runs `work` again, up to {@link MAX_WRITE_ATTEMPTS} times in all, while
 * `retryable(error)` says the failure was a lost race. `work` must redo its
 * reads: each run computes from the row as it is now.
 */
export async function withRetries<T>(work: () => Promise<T>, retryable: (error: unknown) => boolean = isRetryableWriteConflict): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await work();
    } catch (error) {
      if (attempt >= MAX_WRITE_ATTEMPTS || !retryable(error)) throw error;
    }
  }
}
