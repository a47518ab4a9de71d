// Reads a cluster's postmaster.pid to tell a live server from the leftover of
// a killed run. A leftover is removed so the next start does not refuse.
import { readFile, rm } from "node:fs/promises";
import { join } from "node:path";

export type PidFileState = { kind: "none" } | { kind: "running"; pid: number; port: number };

/**
 * Inspects `<dataDir>/postmaster.pid`. When its process is alive and is a
 * postgres, reports it as running (with the port from line 4 of the file);
 * otherwise deletes the stale file and reports `none`.
 */
export async function inspectPidFile(dataDir: string): Promise<PidFileState> {
  const file = join(dataDir, "postmaster.pid");
  let text: string;
  try {
    text = await readFile(file, "utf8");
  } catch {
    return { kind: "none" };
  }
  const parsed = parsePidFile(text);
  if (parsed && (await isLivePostgres(parsed.pid))) return { kind: "running", ...parsed };
  await rm(file, { force: true });
  return { kind: "none" };
}

/** Pid (line 1) and port (line 4) of a postmaster.pid, or null when the file is truncated or garbled. */
export function parsePidFile(text: string): { pid: number; port: number } | null {
  const lines = text.split("\n");
  const pid = Number.parseInt(lines[0] ?? "", 10);
  const port = Number.parseInt(lines[3] ?? "", 10);
  if (!Number.isInteger(pid) || pid <= 0 || !Number.isInteger(port) || port <= 0) return null;
  return { pid, port };
}

async function isLivePostgres(pid: number): Promise<boolean> {
  try {
    process.kill(pid, 0);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "EPERM") return false;
  }
  try {
    const name = await readFile(`/proc/${pid}/comm`, "utf8");
    return name.trim().startsWith("postgres");
  } catch {
    return process.platform !== "linux";
  }
}
