// npm run lab-worker — grades queued lab submissions off the request path.
// Wakes on Postgres NOTIFY (channel LAB_QUEUE_CHANNEL), and polls as a
// fallback in case a notification is missed; takes back jobs of workers that
// died (RUNNING longer than LAB_STALE_JOB_SECONDS), and prunes old submission
// tensors by the retention policy (lib/labs/submissions/prune-outputs.ts).
// Any number may run at once, on any machine that reaches the database: each
// claim locks a different row, and pruning skips rows already pruned.
// scripts/support/serve.ts starts one next to the app; standalone it needs
// the app's environment (DATABASE_URL, BETTER_AUTH_SECRET; see lib/env.ts).
import pg from "pg";
import { db } from "../lib/db/client";
import { env } from "../lib/env";
import { PRUNE_EVERY_MS, pruneOldOutputs } from "../lib/labs/submissions/prune-outputs";
import { LAB_QUEUE_CHANNEL } from "../lib/labs/submissions/submission-rows";
import { gradeNextSubmission, reclaimStale, type JobOutcome } from "../lib/labs/submissions/work-queue";
import { catalogue } from "../exercises/catalogue";

/** Poll interval when no notification arrives (a missed NOTIFY costs at most this). */
const POLL_MS = 5_000;
/** How often stale RUNNING jobs are looked for, at most: a short LAB_STALE_JOB_SECONDS is looked at twice as often. */
const RECLAIM_EVERY_MS = 30_000;
/** Pause after an unexpected error (e.g. the database restarting) before trying again. */
const ERROR_BACKOFF_MS = 3_000;

const tag = `[lab-worker ${process.pid}]`;
let stopping = false;
/** Set by a notification; a sleep that starts after one returns at once. */
let pending = false;
let wake: () => void = () => undefined;

function sleep(ms: number): Promise<void> {
  if (pending || stopping) return Promise.resolve();
  return new Promise((resolve) => {
    const timer = setTimeout(done, ms);
    function done() {
      clearTimeout(timer);
      wake = () => undefined;
      resolve();
    }
    wake = done;
  });
}

/**
 * LISTENs on its own connection. A lost connection is retried every
 * ERROR_BACKOFF_MS until the database answers again; polling covers the gap.
 */
async function listen(url: string): Promise<() => Promise<void>> {
  let client: pg.Client | null = null;
  const connect = async (): Promise<void> => {
    const next = new pg.Client({ connectionString: url });
    next.on("notification", () => {
      pending = true;
      wake();
    });
    next.on("error", (error) => {
      void next.end().catch(() => undefined);
      if (stopping || client !== next) return;
      console.error(`${tag} LISTEN connection lost (${error.message}); polling until it is back`);
      client = null;
      reconnectLater();
    });
    try {
      await next.connect();
      await next.query(`LISTEN ${LAB_QUEUE_CHANNEL}`);
    } catch (error) {
      await next.end().catch(() => undefined);
      throw error;
    }
    // Stopped while connecting: an open client would keep the process alive.
    if (stopping) await next.end().catch(() => undefined);
    else client = next;
  };
  const reconnectLater = (): void => {
    setTimeout(() => {
      if (stopping) return;
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

function describe(outcome: JobOutcome): string {
  switch (outcome.kind) {
    case "done":
      return `graded ${outcome.id}: ${outcome.passed ? "passed" : "failed"} (${outcome.backend}, ${outcome.gradingMs.toFixed(0)} ms)`;
    case "failed":
      return `could not grade ${outcome.id} (${outcome.status === "FAILED" ? "gave up" : "will retry"}): ${outcome.error}`;
    case "lost":
      return `${outcome.id} was taken back by another worker before this one finished; result dropped`;
    default:
      return "idle";
  }
}

async function main(): Promise<void> {
  const prisma = db();
  const { DATABASE_URL, LAB_STALE_JOB_SECONDS } = env();
  const staleMs = LAB_STALE_JOB_SECONDS * 1000;
  const reclaimEveryMs = Math.min(RECLAIM_EVERY_MS, staleMs / 2);
  const stopListening = await listen(DATABASE_URL);
  const stop = () => {
    stopping = true;
    wake();
  };
  process.on("SIGTERM", stop);
  process.on("SIGINT", stop);
  console.error(`${tag} waiting for lab submissions (a job RUNNING for ${LAB_STALE_JOB_SECONDS} s is taken back)`);

  let lastReclaim = 0;
  let lastPrune = 0;
  while (!stopping) {
    try {
      if (Date.now() - lastReclaim >= reclaimEveryMs) {
        lastReclaim = Date.now();
        const { requeued, failed } = await reclaimStale(prisma, new Date(), staleMs);
        if (requeued + failed > 0) console.error(`${tag} took back stale jobs: ${requeued} queued again, ${failed} failed`);
      }
      if (Date.now() - lastPrune >= PRUNE_EVERY_MS) {
        lastPrune = Date.now();
        const { rows, bytes } = await pruneOldOutputs(prisma, new Date());
        if (rows > 0) console.error(`${tag} pruned the stored tensors of ${rows} old submissions (${(bytes / 2 ** 20).toFixed(1)} MiB)`);
      }
      pending = false;
      const outcome = await gradeNextSubmission(prisma, catalogue, () => new Date());
      if (outcome.kind === "idle") await sleep(POLL_MS);
      else console.error(`${tag} ${describe(outcome)}`);
    } catch (error) {
      console.error(`${tag} ${error instanceof Error ? error.message : String(error)}`);
      await sleep(ERROR_BACKOFF_MS);
    }
  }
  await stopListening();
  await prisma.$disconnect();
  console.error(`${tag} stopped`);
}

await main();
