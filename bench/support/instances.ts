// Several app instances and lab workers on one database, as a deployment
// that outgrew one process runs them: production app servers on their own
// ports sharing one BETTER_AUTH_SECRET, and separate grading workers. Used by
// tests/e2e/instances.spec.ts and bench:instances.
import { randomBytes } from "node:crypto";
import { mkdirSync } from "node:fs";
import { join } from "node:path";
import { startLabWorker, type LabWorkerProcess } from "./lab-worker-process";
import { startNextServer, type NextServer } from "./next-server";

export type Instances = { apps: NextServer[]; workers: LabWorkerProcess[]; stop: () => Promise<void> };

export type InstancesOptions = {
  databaseUrl: string;
  /** One app server per port, on 127.0.0.1. */
  appPorts: readonly number[];
  workers: number;
  logDir: string;
  /** Extra environment for every app server (limits, TRUSTED_PROXIES, …). */
  appEnv?: Record<string, string>;
  /** Extra environment for every worker (LAB_STALE_JOB_SECONDS, …). */
  workerEnv?: Record<string, string>;
};

/** Starts the app servers and workers (all at once) and resolves when every one is ready; on a failure stops what started. */
export async function startInstances(options: InstancesOptions): Promise<Instances> {
  mkdirSync(options.logDir, { recursive: true });
  // Every instance must sign and read the same session cookies.
  const secret = randomBytes(32).toString("base64url");
  const shared = { BETTER_AUTH_SECRET: secret };
  const apps = options.appPorts.map((port) =>
    startNextServer({
      port,
      databaseUrl: options.databaseUrl,
      logFile: join(options.logDir, `app-${port}.log`),
      env: { ...shared, ...options.appEnv },
    }),
  );
  const workers = Array.from({ length: options.workers }, (_, i) =>
    startLabWorker({
      databaseUrl: options.databaseUrl,
      logFile: join(options.logDir, `lab-worker-${i + 1}.log`),
      env: { ...shared, ...options.workerEnv },
    }),
  );
  const started = await Promise.allSettled([...apps, ...workers]);
  const stopAll = () => Promise.all(started.map((s) => (s.status === "fulfilled" ? s.value.stop() : undefined))).then(() => undefined);
  const failed = started.find((s) => s.status === "rejected");
  if (failed) {
    await stopAll();
    throw failed.reason;
  }
  return { apps: await Promise.all(apps), workers: await Promise.all(workers), stop: stopAll };
}

/** SIGKILLs the app server's whole process group at once: no shutdown, connections dropped mid-request. */
export function killApp(app: NextServer): void {
  try {
    process.kill(-app.pid, "SIGKILL");
  } catch {
    // gone already
  }
}
