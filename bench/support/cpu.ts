// CPU time by process group from /proc (Linux), to see where a load run spends
// the machine: the Next.js server's process group, the Postgres postmaster and
// its children, and this process (the load generator). Elsewhere it reports nothing.
import { execFileSync } from "node:child_process";
import { existsSync, readdirSync, readFileSync } from "node:fs";

export type CpuSample = { server: number; postgres: number; generator: number };

const TICKS_PER_SECOND = clockTicks();

/** CPU milliseconds used so far by the server group `serverPgid`, Postgres under `postmasterPid`, and this process. */
export function sampleCpu(serverPgid: number, postmasterPid: number | undefined): CpuSample | undefined {
  if (!existsSync("/proc/self/stat")) return undefined;
  let server = 0;
  let postgres = 0;
  for (const entry of readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    const stat = readStat(Number(entry));
    if (!stat) continue;
    if (stat.pgrp === serverPgid) server += stat.cpuMs;
    else if (postmasterPid !== undefined && (stat.pid === postmasterPid || stat.ppid === postmasterPid)) postgres += stat.cpuMs;
  }
  const own = process.cpuUsage();
  return { server, postgres, generator: (own.user + own.system) / 1000 };
}

export function cpuBetween(before: CpuSample | undefined, after: CpuSample | undefined): CpuSample | undefined {
  if (!before || !after) return undefined;
  return { server: after.server - before.server, postgres: after.postgres - before.postgres, generator: after.generator - before.generator };
}

/** The postmaster's pid from `<dataDir>/postmaster.pid`, if the file is there. */
export function postmasterPid(dataDir: string): number | undefined {
  const file = `${dataDir}/postmaster.pid`;
  if (!existsSync(file)) return undefined;
  const pid = Number(readFileSync(file, "utf8").split("\n")[0]);
  return Number.isInteger(pid) && pid > 0 ? pid : undefined;
}

function readStat(pid: number): { pid: number; ppid: number; pgrp: number; cpuMs: number } | undefined {
  try {
    const text = readFileSync(`/proc/${pid}/stat`, "utf8");
    const fields = text.slice(text.lastIndexOf(")") + 2).split(" ");
    const ticks = [11, 12, 13, 14].reduce((sum, i) => sum + Number(fields[i] ?? 0), 0);
    return { pid, ppid: Number(fields[1]), pgrp: Number(fields[2]), cpuMs: (ticks * 1000) / TICKS_PER_SECOND };
  } catch {
    return undefined;
  }
}

function clockTicks(): number {
  try {
    return Number(execFileSync("getconf", ["CLK_TCK"], { encoding: "utf8" }).trim()) || 100;
  } catch {
    return 100;
  }
}
