// Where the browser-test server keeps its data, shared by scripts/e2e-server.ts
// and the browser tests that start extra app servers on the same Postgres.
import { join } from "node:path";
import { startEmbeddedPostgres } from "../../lib/db/embedded-postgres";

/** The database the browser-test server uses on an external DATABASE_URL's server. */
export const E2E_DATABASE = "residual_e2e";

/** The browser-test server's data directory for `port` (its embedded Postgres lives in `postgres/` inside). */
export function e2eDataDir(port: number): string {
  return join(process.cwd(), ".cache", port === 3100 ? "e2e" : `e2e-${port}`);
}

/**
 * A URL with the right to create databases on the Postgres the browser-test
 * server for `port` runs on: DATABASE_URL when set, else its embedded server
 * (attached to, not started: it must be running).
 */
export async function e2eAdminUrl(port: number): Promise<string> {
  if (process.env.DATABASE_URL) return process.env.DATABASE_URL;
  const running = await startEmbeddedPostgres({ dataDir: join(e2eDataDir(port), "postgres") });
  return running.url;
}
