// Runs the app server (scripts/app-server.ts: Next dev or production behind
// the server that resolves client addresses), the lab grading worker(s) and
// the Anki import worker(s) against a prepared database, and stops them
// together: the whole process groups, so nothing is left on the port, and
// the workers before the database.
import { spawn, type ChildProcess } from "node:child_process";
import { join } from "node:path";
import { localAuthSecret, prepareDatabase } from "./prepare-database";
import { bundleProcess, type ProcessEntry } from "./process-bundle";

export type ServeOptions = { dataDir?: string; port?: number; host?: string };

/** Time a worker gets to finish the submission it is grading (and the app server to close) after SIGTERM. */
const WORKER_STOP_MS = 10_000;
/** Wait before restarting a worker that crashed, so a broken one does not spin. */
const WORKER_RESTART_MS = 2_000;

export async function serve(mode: "dev" | "start", options: ServeOptions = {}): Promise<void> {
  const dataDir = options.dataDir ?? join(process.cwd(), ".data");
  const port = options.port ?? Number(process.env.PORT ?? 3000);
  const host = options.host ?? process.env.HOSTNAME ?? "localhost";
  const database = await prepareDatabase({ dataDir });
  const baseUrl = process.env.BETTER_AUTH_URL ?? `http://${host}:${port}`;
  const childEnv = {
    ...process.env,
    DATABASE_URL: database.url,
    BETTER_AUTH_SECRET: localAuthSecret(dataDir),
    BETTER_AUTH_URL: baseUrl,
    BETTER_AUTH_TRUSTED_ORIGINS: process.env.BETTER_AUTH_TRUSTED_ORIGINS ?? [`http://localhost:${port}`, `http://127.0.0.1:${port}`].join(","),
    NEXT_TELEMETRY_DISABLED: "1",
  };
  // Production runs bundled JavaScript (process-bundle.ts says why); development runs the sources through tsx.
  const tsx = join(process.cwd(), "node_modules", ".bin", "tsx");
  const command = async (entry: ProcessEntry): Promise<[string, string[]]> =>
    mode === "start" ? [process.execPath, ["--enable-source-maps", await bundleProcess(entry)]] : [tsx, [join(process.cwd(), "scripts", `${entry}.ts`)]];
  const [labWorker, importWorker] = [await command("lab-worker"), await command("import-worker")];
  const [server, serverArgs] = await command("app-server");
  const child = spawn(server, [...serverArgs, mode, "--port", String(port), "--hostname", host], {
    stdio: "inherit",
    detached: true,
    env: childEnv,
  });
  console.log(`[residual] Open ${baseUrl}`);

  let stopping = false;
  const workers: (ChildProcess | null)[] = [];
  /** Runs `count` copies of `script`, each restarted when it crashes. */
  const startWorkers = ([file, args]: [string, string[]], label: string, count: number) => {
    const start = (slot: number) => {
      if (stopping) return;
      const worker = spawn(file, args, { stdio: "inherit", detached: true, env: childEnv });
      workers[slot] = worker;
      worker.on("exit", (code, signal) => {
        workers[slot] = null;
        if (stopping) return;
        console.error(`[residual] ${label} exited (${signal ?? code}); restarting in ${WORKER_RESTART_MS / 1000} s`);
        setTimeout(() => start(slot), WORKER_RESTART_MS);
      });
    };
    for (let i = 0; i < count; i++) start(workers.push(null) - 1);
  };
  // LAB_WORKERS=N runs N graders side by side, IMPORT_WORKERS=N N importers (0 disables them, e.g. when they run elsewhere).
  startWorkers(labWorker, "lab worker", workerCount(process.env.LAB_WORKERS));
  startWorkers(importWorker, "import worker", workerCount(process.env.IMPORT_WORKERS));

  const shutdown = async (code: number) => {
    if (stopping) return;
    stopping = true;
    await Promise.all([stopGroup(child), ...workers.map((worker) => (worker ? stopGroup(worker) : undefined))]);
    await database.stop();
    process.exit(code);
  };
  process.on("SIGINT", () => void shutdown(0));
  process.on("SIGTERM", () => void shutdown(0));
  child.on("exit", (code) => void shutdown(code ?? 0));
}

/** A worker count from the environment: 1 when unset, 0–8. */
function workerCount(value: string | undefined): number {
  return Math.max(0, Math.min(8, Number(value ?? 1) || 0));
}

/**
 * SIGTERM to the process group, then its leader's own exit (a worker finishes
 * its job, the app server closes), or SIGKILL to the group after WORKER_STOP_MS.
 */
function stopGroup(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) return resolve();
    const timer = setTimeout(() => signalGroup(child, "SIGKILL"), WORKER_STOP_MS);
    child.once("exit", () => {
      clearTimeout(timer);
      resolve();
    });
    signalGroup(child, "SIGTERM");
  });
}

function signalGroup(child: ChildProcess, signal: NodeJS.Signals): void {
  try {
    if (child.pid) process.kill(-child.pid, signal);
  } catch {
    // already gone
  }
}
