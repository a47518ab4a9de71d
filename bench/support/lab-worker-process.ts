// A worker (scripts/lab-worker.ts, scripts/import-worker.ts) as a child
// process on a given database: in its own process group, so it can be
// stopped, paused or killed whole, with its output kept in a log file and in memory.
import { spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { createWriteStream } from "node:fs";
import { bundleProcess, type ProcessEntry } from "../../scripts/support/process-bundle";

const READY_TIMEOUT_MS = 60_000;
const STOP_TIMEOUT_MS = 10_000;
/** What the worker prints once it listens for submissions. */
const READY_LINE = "waiting for lab submissions";

/** `pid` leads the worker's process group. */
export type LabWorkerProcess = {
  pid: number;
  logFile: string;
  /** Everything the worker printed so far. */
  log: () => string;
  /** Sends `signal` to the worker's whole group (SIGKILL, SIGSTOP, SIGCONT, …). */
  signal: (signal: NodeJS.Signals) => void;
  /** SIGTERM (after SIGCONT, in case it was paused), then SIGKILL after the timeout. Idempotent. */
  stop: () => Promise<void>;
};

type WorkerOptions = { databaseUrl: string; logFile: string; env?: Record<string, string> };

/**
 * Starts scripts/lab-worker.ts against `databaseUrl` and resolves once it
 * waits for submissions. `env` adds or overrides variables, e.g.
 * LAB_STALE_JOB_SECONDS.
 */
export function startLabWorker(options: WorkerOptions): Promise<LabWorkerProcess> {
  return startWorkerProcess({ ...options, entry: "lab-worker", readyLine: READY_LINE });
}

/** Starts scripts/import-worker.ts against `databaseUrl` and resolves once it waits for import jobs. */
export function startImportWorker(options: WorkerOptions): Promise<LabWorkerProcess> {
  return startWorkerProcess({ ...options, entry: "import-worker", readyLine: "waiting for import jobs" });
}

async function startWorkerProcess(options: WorkerOptions & { entry: ProcessEntry; readyLine: string }): Promise<LabWorkerProcess> {
  const log = createWriteStream(options.logFile);
  // As `npm start` runs it: bundled JavaScript, not tsx (scripts/support/process-bundle.ts).
  const child = spawn(process.execPath, ["--enable-source-maps", await bundleProcess(options.entry)], {
    detached: true,
    stdio: ["ignore", "pipe", "pipe"],
    env: {
      ...process.env,
      NODE_ENV: "production",
      DATABASE_URL: options.databaseUrl,
      BETTER_AUTH_SECRET: randomBytes(32).toString("base64url"),
      ...options.env,
    },
  });
  let text = "";
  for (const stream of [child.stdout, child.stderr]) {
    stream?.on("data", (chunk: Buffer) => (text += chunk.toString()));
    // Neither stream may end the log: the other can still be writing to it.
    stream?.pipe(log, { end: false });
  }
  const pid = child.pid;
  if (pid === undefined) throw new Error("the worker did not get a pid");
  let gone = false;
  const exited = new Promise<void>((done) =>
    child.once("exit", () => {
      gone = true;
      done();
    }),
  );
  const signal = (name: NodeJS.Signals) => {
    try {
      process.kill(-pid, name);
    } catch {
      // the group is gone already
    }
  };
  const stop = async () => {
    if (gone) return;
    signal("SIGCONT");
    signal("SIGTERM");
    await Promise.race([exited, new Promise((done) => setTimeout(done, STOP_TIMEOUT_MS))]);
    if (!gone) signal("SIGKILL");
    await exited;
  };

  const deadline = Date.now() + READY_TIMEOUT_MS;
  while (!text.includes(options.readyLine)) {
    if (gone || Date.now() > deadline) {
      await stop();
      throw new Error(`the worker ${gone ? "exited" : "was not ready in time"}; see ${options.logFile}:\n${text.slice(-2_000)}`);
    }
    await new Promise((done) => setTimeout(done, 100));
  }
  return { pid, logFile: options.logFile, log: () => text, signal, stop };
}
