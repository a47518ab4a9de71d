// The process around a Postgres-backed job queue, shared by the lab and the
// import workers: wakes on NOTIFY (its own LISTEN connection, reconnected
// when lost) and polls as a fallback, takes back jobs of workers that died,
// prunes on a timer, runs one job at a time, and on SIGTERM/SIGINT finishes
// the job under way and exits. What a job is comes in as functions.
import pg from "pg";

/** Poll interval when no notification arrives (a missed NOTIFY costs at most this). */
const POLL_MS = 5_000;
/** How often stale RUNNING jobs are looked for, at most: a short stale time is looked at twice as often. */
const RECLAIM_EVERY_MS = 30_000;
/** Pause after an unexpected error (e.g. the database restarting) before trying again. */
const ERROR_BACKOFF_MS = 3_000;

export type JobWorkerOptions = {
  /** "lab-worker", "import-worker": the log lines' tag. */
  name: string;
  databaseUrl: string;
  /** The NOTIFY channel new jobs are announced on. */
  channel: string;
  /** Printed once it listens (tests and benches wait for it). */
  readyLine: string;
  /** A RUNNING job untouched this long lost its worker. */
  staleMs: number;
  reclaim: (now: Date) => Promise<{ requeued: number; failed: number }>;
  pruneEveryMs: number;
  /** Drops what retention no longer keeps; a line to log, or null when nothing was dropped. */
  prune: (now: Date) => Promise<string | null>;
  /** Runs one job: a line to log, or null when none was queued. */
  next: () => Promise<string | null>;
  /** Releases the database client once the loop has stopped. */
  close: () => Promise<void>;
};

/** Runs the worker loop until SIGTERM or SIGINT. */
export async function runJobWorker(options: JobWorkerOptions): Promise<void> {
  const tag = `[${options.name} ${process.pid}]`;
  const state: ListenState = { stopping: false, pending: false, wake: () => undefined };

  const sleep = (ms: number): Promise<void> => {
    if (state.pending || state.stopping) return Promise.resolve();
    return new Promise((resolve) => {
      const timer = setTimeout(done, ms);
      function done() {
        clearTimeout(timer);
        state.wake = () => undefined;
        resolve();
      }
      state.wake = done;
    });
  };

  const stopListening = await listen(options.databaseUrl, options.channel, tag, state);
  const stop = () => {
    state.stopping = true;
    state.wake();
  };
  process.on("SIGTERM", stop);
  process.on("SIGINT", stop);
  console.error(`${tag} ${options.readyLine} (a job RUNNING for ${Math.round(options.staleMs / 1000)} s is taken back)`);

  const reclaimEveryMs = Math.min(RECLAIM_EVERY_MS, options.staleMs / 2);
  let lastReclaim = 0;
  let lastPrune = 0;
  while (!state.stopping) {
    try {
      if (Date.now() - lastReclaim >= reclaimEveryMs) {
        lastReclaim = Date.now();
        const { requeued, failed } = await options.reclaim(new Date());
        if (requeued + failed > 0) console.error(`${tag} took back stale jobs: ${requeued} queued again, ${failed} failed`);
      }
      if (Date.now() - lastPrune >= options.pruneEveryMs) {
        lastPrune = Date.now();
        const pruned = await options.prune(new Date());
        if (pruned) console.error(`${tag} ${pruned}`);
      }
      state.pending = false;
      const line = await options.next();
      if (line === null) await sleep(POLL_MS);
      else console.error(`${tag} ${line}`);
    } catch (error) {
      console.error(`${tag} ${error instanceof Error ? error.message : String(error)}`);
      await sleep(ERROR_BACKOFF_MS);
    }
  }
  await stopListening();
  await options.close();
  console.error(`${tag} stopped`);
}

type ListenState = { stopping: boolean; pending: boolean; wake: () => void };

/**
 * LISTENs on its own connection. A lost connection is retried every
 * ERROR_BACKOFF_MS until the database answers again; polling covers the gap.
 */
async function listen(url: string, channel: string, tag: string, state: ListenState): Promise<() => Promise<void>> {
  let client: pg.Client | null = null;
  const connect = async (): Promise<void> => {
    const next = new pg.Client({ connectionString: url });
    next.on("notification", () => {
      state.pending = true;
      state.wake();
    });
    next.on("error", (error) => {
      void next.end().catch(() => undefined);
      if (state.stopping || client !== next) return;
      console.error(`${tag} LISTEN connection lost (${error.message}); polling until it is back`);
      client = null;
      reconnectLater();
    });
    try {
      await next.connect();
      await next.query(`LISTEN ${channel}`);
    } catch (error) {
      await next.end().catch(() => undefined);
      throw error;
    }
    // Stopped while connecting: an open client would keep the process alive.
    if (state.stopping) await next.end().catch(() => undefined);
    else client = next;
  };
  const reconnectLater = (): void => {
    setTimeout(() => {
      if (state.stopping) return;
      connect().then(
        () => console.error(`${tag} LISTEN connection back`),
        (error: unknown) => {
          console.error(`${tag} LISTEN reconnect failed (${error instanceof Error ? error.message : String(error)}); trying again`);
          reconnectLater();
        },
      );
    }, ERROR_BACKOFF_MS);
  };
  await connect();
  return async () => {
    await client?.end().catch(() => undefined);
  };
}
