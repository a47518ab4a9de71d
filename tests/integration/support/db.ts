// Database helpers for integration tests. Each worker has its own database
// (see worker-setup.ts), so tests in different workers never see each other's rows.
import { db } from "../../../lib/db/client";
import type { PrismaClient } from "../../../lib/db/generated/client";

let appTables: string[] | undefined;

/** The worker's Prisma client: the same one app code gets from `db()`, so both see one pool. */
export function testDb(): PrismaClient {
  return db();
}

/**
 * Empties every app table (all but `_prisma_migrations`) in one
 * `TRUNCATE ... RESTART IDENTITY CASCADE`. Takes no arguments so it can be
 * passed straight to `beforeEach(resetDb)`; the table list is read once per worker.
 */
export async function resetDb(): Promise<void> {
  const client = testDb();
  appTables ??= (
    await client.$queryRaw<Array<{ tablename: string }>>`
      SELECT tablename FROM pg_tables
      WHERE schemaname = current_schema() AND tablename <> '_prisma_migrations'`
  ).map((row) => `"${row.tablename.replaceAll('"', '""')}"`);
  if (appTables.length === 0) return;
  await client.$executeRawUnsafe(`TRUNCATE TABLE ${appTables.join(", ")} RESTART IDENTITY CASCADE`);
}
