// Retrying transactions that lost a race: a compare-and-set that found a newer
// version, or a unique violation from a concurrent insert of the same row.
import { Prisma } from "../db/generated/client";

const MAX_ATTEMPTS = 5;

export function isRetryableWriteConflict(error: unknown): boolean {
  if (error instanceof Error && error.name === "StaleStateError") return true;
  return error instanceof Prisma.PrismaClientKnownRequestError && (error.code === "P2002" || error.code === "P2034");
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
