// Once per `vitest --project integration` run: a Postgres server (an embedded
// one in a temp dir under .cache/, or TEST_DATABASE_URL's), a template database
// with every migration applied, and the teardown that removes them again.
import { randomBytes } from "node:crypto";
import { chmod, mkdir, mkdtemp, rm } from "node:fs/promises";
import { join } from "node:path";
import type { TestProject } from "vitest/node";
import { startEmbeddedPostgres } from "../../../lib/db/embedded-postgres";
import { applyMigrations, createDatabase, dropDatabase, withAdminClient } from "../../../lib/db/migrations";
import { sweepStaleServers } from "./stale-servers";
import type { TestDatabaseContext } from "./test-database";

const CACHE_DIR = join(process.cwd(), ".cache");
const SERVER_DIR_PREFIX = "test-postgres-";

/**
 * Vitest global setup: provides `testDatabase` (admin URL + migrated template
 * name) to every worker; the returned teardown stops the embedded server and
 * deletes its directory, or, on TEST_DATABASE_URL (else DATABASE_URL), drops this run's databases.
 */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  // DATABASE_URL points the whole project at another Postgres; tests then make
  // their own databases on that server and never touch the one it names.
  const external = process.env.TEST_DATABASE_URL ?? process.env.DATABASE_URL;
  let adminUrl: string;
  let stopServer = async (): Promise<void> => undefined;
  if (external) {
    adminUrl = external;
  } else {
    await mkdir(CACHE_DIR, { recursive: true });
    await sweepStaleServers(CACHE_DIR, SERVER_DIR_PREFIX);
    const dir = await mkdtemp(join(CACHE_DIR, SERVER_DIR_PREFIX));
    // Under root the server runs as the `postgres` user, which must be able to enter the dir.
    await chmod(dir, 0o755);
    const server = await startEmbeddedPostgres({ dataDir: join(dir, "data"), durable: false });
    adminUrl = server.url;
    stopServer = async () => {
      await server.stop();
      // As root the cluster may live elsewhere, linked from dir/data (lib/db/postgres-as-root.ts).
      await rm(server.dataDir, { recursive: true, force: true });
      await rm(dir, { recursive: true, force: true });
    };
  }

  const template = `residual_test_${randomBytes(4).toString("hex")}`;
  try {
    const templateUrl = await createDatabase(adminUrl, template);
    await applyMigrations(templateUrl);
  } catch (error) {
    await stopServer();
    throw error;
  }
  const context: TestDatabaseContext = { adminUrl, template };
  project.provide("testDatabase", context);

  return async () => {
    if (external) await dropRunDatabases(adminUrl, template);
    await stopServer();
  };
}

async function dropRunDatabases(adminUrl: string, template: string): Promise<void> {
  const names = await withAdminClient(adminUrl, async (client) => {
    const found = await client.query<{ datname: string }>("SELECT datname FROM pg_database WHERE datname = $1 OR starts_with(datname, $1 || '_w')", [template]);
    return found.rows.map((row) => row.datname);
  });
  for (const name of names) await dropDatabase(adminUrl, name);
}
