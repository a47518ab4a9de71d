// Started as root from a folder the postgres user cannot enter (a clone under
// a 0700 home), the embedded Postgres used to die with `spawn … EACCES` or an
// initdb permission error. Now the cluster is kept where that user can reach
// it, linked from the requested path. Only meaningful as root.
import { lstat, mkdtemp, readlink, rm } from "node:fs/promises";
import { tmpdir, userInfo } from "node:os";
import { join } from "node:path";
import pg from "pg";
import { afterAll, describe, expect, it } from "vitest";
import { startEmbeddedPostgres, type RunningPostgres } from "@/lib/db/embedded-postgres";
import { ROOT_STATE_DIR, ensurePostgresUser, reachableBy } from "@/lib/db/postgres-as-root";

const asRoot = userInfo().uid === 0;

describe.runIf(asRoot)("embedded Postgres started as root", () => {
  let closed = "";
  let server: RunningPostgres | undefined;

  afterAll(async () => {
    await server?.stop();
    if (server) await rm(server.dataDir, { recursive: true, force: true });
    if (closed) await rm(closed, { recursive: true, force: true });
  });

  it("runs from a folder closed to the postgres user, keeping the cluster where that user can reach it", async () => {
    closed = await mkdtemp(join(tmpdir(), "residual-closed-"));
    const ids = ensurePostgresUser();
    expect(reachableBy(ids, closed)).toBe(false);

    const requested = join(closed, "project", ".data", "postgres");
    server = await startEmbeddedPostgres({ dataDir: requested, durable: false });
    expect(server.dataDir.startsWith(`${ROOT_STATE_DIR}/clusters/`)).toBe(true);
    expect((await lstat(requested)).isSymbolicLink()).toBe(true);
    expect(await readlink(requested)).toBe(server.dataDir);

    const client = new pg.Client({ connectionString: server.url });
    await client.connect();
    try {
      const { rows } = await client.query<{ one: number }>("SELECT 1 AS one");
      expect(rows).toEqual([{ one: 1 }]);
    } finally {
      await client.end();
    }
  });
});
