// Retrying transactions that lost a race: a compare-and-set that found a newer
// version, or a unique violation from a concurrent insert of the same row.
import { Prisma } from "../db/generated/client";

const MAX_ATTEMPTS = 5;

export function isRetryableWriteConflict(error: unknown): boolean {
  if (error instanceof Error && error.name === "StaleStateError") return true;
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

/** Runs `work` again (up to 5 times) while `retryable(error)` says the failure was a lost race. */
export async function withRetries<T>(work: () => Promise<T>, retryable: (error: unknown) => boolean): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await work();
    } catch (error) {
      if (attempt >= MAX_ATTEMPTS || !retryable(error)) throw error;
    }
  }
}
