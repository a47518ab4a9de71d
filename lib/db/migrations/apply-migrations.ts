// `prisma migrate deploy` without the CLI: applies the unapplied migrations of
// a folder and records them in `_prisma_migrations`.
import { migrationAdapterFactory } from "./pg-migration-adapter";
import { DEFAULT_MIGRATIONS_DIR, readMigrationsFolder } from "./migrations-folder";
import { NO_FILTERS, withSchemaEngine } from "./schema-engine";

/**
 * Applies every migration in `migrationsDir` that `databaseUrl` has not
 * recorded yet, in name order, keeping the same `_prisma_migrations` history
 * as `prisma migrate deploy` (so either tool can take over). Idempotent: a
 * second call applies nothing. Fails on a failed or edited applied migration.
 * Returns the names applied by this call.
 */
export async function applyMigrations(databaseUrl: string, migrationsDir: string = DEFAULT_MIGRATIONS_DIR): Promise<{ applied: string[] }> {
  const migrationsList = await readMigrationsFolder(migrationsDir);
  return withSchemaEngine("applyMigrations", migrationAdapterFactory(databaseUrl), async (engine) => {
    const output = await engine.applyMigrations({ migrationsList, filters: NO_FILTERS });
    return { applied: output.appliedMigrationNames };
  });
}
