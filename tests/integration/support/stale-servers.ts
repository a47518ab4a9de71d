// Removes server directories left by integration runs that were killed before
// their teardown ran. A directory whose Postgres is still alive is left alone
// (it may belong to a concurrent run), and so is anything younger than
// MIN_AGE_MS, which may be a run that has not started its server yet.
import { readdir, rm, stat } from "node:fs/promises";
import { join } from "node:path";
import { inspectPidFile } from "../../../lib/db/embedded-postgres-pid";
import { relocatedTarget } from "../../../lib/db/postgres-as-root";

const MIN_AGE_MS = 10 * 60 * 1000;

/** Deletes `<cacheDir>/<prefix>*` directories that are old and have no live server. */
export async function sweepStaleServers(cacheDir: string, prefix: string, now = Date.now()): Promise<void> {
  const entries = await readdir(cacheDir, { withFileTypes: true });
  for (const entry of entries) {
    if (!entry.isDirectory() || !entry.name.startsWith(prefix)) continue;
    const dir = join(cacheDir, entry.name);
    const { mtimeMs } = await stat(dir);
    if (now - mtimeMs < MIN_AGE_MS) continue;
    if ((await inspectPidFile(join(dir, "data"))).kind === "running") continue;
    const relocated = relocatedTarget(join(dir, "data"));
    if (relocated) await rm(relocated, { recursive: true, force: true });
    await rm(dir, { recursive: true, force: true });
  }
}
