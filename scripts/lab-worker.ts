// npm run lab-worker — grades queued lab submissions off the request path.
// Wakes on Postgres NOTIFY (channel LAB_QUEUE_CHANNEL), and polls as a
// fallback in case a notification is missed; takes back jobs of workers that
// died (RUNNING longer than LAB_STALE_JOB_SECONDS), and prunes old submission
// tensors by the retention policy (lib/labs/submissions/prune-outputs.ts).
// Any number may run at once, on any machine that reaches the database: each
// claim locks a different row, and pruning skips rows already pruned.
// scripts/support/serve.ts starts one next to the app; standalone it needs
// the app's environment (DATABASE_URL, BETTER_AUTH_SECRET; see lib/env.ts).
import { db } from "../lib/db/client";
import { env } from "../lib/env";
import { PRUNE_EVERY_MS, pruneOldOutputs } from "../lib/labs/submissions/prune-outputs";
import { LAB_QUEUE_CHANNEL } from "../lib/labs/submissions/submission-rows";
import { gradeNextSubmission, reclaimStale, type JobOutcome } from "../lib/labs/submissions/work-queue";
import { catalogue } from "../exercises/catalogue";
import { runJobWorker } from "./support/job-worker";

function describe(outcome: JobOutcome): string | null {
  switch (outcome.kind) {
    case "done":
      return `graded ${outcome.id}: ${outcome.passed ? "passed" : "failed"} (${outcome.backend}, ${outcome.gradingMs.toFixed(0)} ms)`;
    case "failed":
      return `could not grade ${outcome.id} (${outcome.status === "FAILED" ? "gave up" : "will retry"}): ${outcome.error}`;
    case "lost":
      return `${outcome.id} was taken back by another worker before this one finished; result dropped`;
    default:
      return null;
  }
}

const prisma = db();
const { DATABASE_URL, LAB_STALE_JOB_SECONDS } = env();
const staleMs = LAB_STALE_JOB_SECONDS * 1000;
await runJobWorker({
  name: "lab-worker",
  databaseUrl: DATABASE_URL,
  channel: LAB_QUEUE_CHANNEL,
  readyLine: "waiting for lab submissions",
  staleMs,
  reclaim: (now) => reclaimStale(prisma, now, staleMs),
  pruneEveryMs: PRUNE_EVERY_MS,
  prune: async (now) => {
    const { rows, bytes } = await pruneOldOutputs(prisma, now);
    return rows > 0 ? `pruned the stored tensors of ${rows} old submissions (${(bytes / 2 ** 20).toFixed(1)} MiB)` : null;
  },
  next: async () => describe(await gradeNextSubmission(prisma, catalogue, () => new Date())),
  close: () => prisma.$disconnect(),
});
