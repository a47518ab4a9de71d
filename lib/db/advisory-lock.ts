// Transaction-scoped advisory locks: one writer at a time per key (a user's
// uploads, their import jobs, their choice for a module) where there is no
// single row to lock, or the row may not exist yet.
import type { Db } from "./client";

/**
 * Waits for the lock named `key` ("scope:id…") and holds it until the
 * transaction `db` belongs to ends. Outside a transaction it is released at
 * once, so call it on a transaction client.
 */
export async function lockUntilCommit(db: Db, key: string): Promise<void> {
  await db.$executeRaw`SELECT 1 FROM pg_advisory_xact_lock(hashtextextended(${key}, 0))`;
}
