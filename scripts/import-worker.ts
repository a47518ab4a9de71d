// npm run import-worker — runs queued Anki imports off the request path, one
// at a time: reads the stored upload, previews or commits it, and writes its
// progress to the job row (lib/imports/jobs/run-import-job.ts). Wakes on
// Postgres NOTIFY (channel IMPORT_QUEUE_CHANNEL) and polls as a fallback;
// takes back jobs whose worker died (no heartbeat for
// IMPORT_STALE_JOB_SECONDS), and prunes stored uploads every hour (a
// previewed package is kept 24 h). A process apart from the lab workers, so
// a long import never delays grading. scripts/support/serve.ts starts
// IMPORT_WORKERS of them next to the app; standalone it needs the app's
// environment (DATABASE_URL, BETTER_AUTH_SECRET; see lib/env.ts).
import { setPriority } from "node:os";
import { db } from "../lib/db/client";
import { env } from "../lib/env";
import { IMPORT_QUEUE_CHANNEL } from "../lib/imports/jobs/import-job-rows";
import { PRUNE_EVERY_MS, pruneOldUploads } from "../lib/imports/jobs/prune-uploads";
import { reclaimStaleImports, runNextImportJob, type ImportJobOutcome } from "../lib/imports/jobs/run-import-job";
import { startEventLoopProbe } from "../lib/monitoring/event-loop-probe";
import { runJobWorker } from "./support/job-worker";

function describe(outcome: ImportJobOutcome): string | null {
  switch (outcome.kind) {
    case "done":
      return `${outcome.status === "DONE" ? "imported" : "previewed"} ${outcome.id}: ${outcome.cards} cards with history, ${outcome.reviews} reviews`;
    case "failed":
      return `could not import ${outcome.id} (${outcome.status === "FAILED" ? "gave up" : "will retry"}): ${outcome.error}`;
    case "lost":
      return `${outcome.id} was taken back by another worker before this one finished; result dropped`;
    default:
      return null;
  }
}

/**
 * Niceness of the worker: an import is minutes of CPU that nobody watches
 * tick by, while the app server answers people. On a machine with few cores
 * the kernel then gives the server the CPU first, and the import takes the rest.
 */
const IMPORT_WORKER_NICENESS = 10;
setPriority(IMPORT_WORKER_NICENESS);

const prisma = db();
const { DATABASE_URL, IMPORT_STALE_JOB_SECONDS, RESIDUAL_EVENT_LOOP_FILE } = env();
// Benchmarks only: the worker's memory and event loop, as the app server's are (bench:import).
if (RESIDUAL_EVENT_LOOP_FILE) startEventLoopProbe(RESIDUAL_EVENT_LOOP_FILE);
const staleMs = IMPORT_STALE_JOB_SECONDS * 1000;
await runJobWorker({
  name: "import-worker",
  databaseUrl: DATABASE_URL,
  channel: IMPORT_QUEUE_CHANNEL,
  readyLine: "waiting for import jobs",
  staleMs,
  reclaim: (now) => reclaimStaleImports(prisma, now, staleMs),
  pruneEveryMs: PRUNE_EVERY_MS,
  prune: async (now) => {
    const { jobs, bytes } = await pruneOldUploads(prisma, now);
    return jobs > 0 ? `dropped the stored uploads of ${jobs} old imports (${(bytes / 2 ** 20).toFixed(1)} MiB)` : null;
  },
  next: async () => describe(await runNextImportJob(prisma, { now: () => new Date(), ms: () => performance.now() })),
  close: () => prisma.$disconnect(),
});
