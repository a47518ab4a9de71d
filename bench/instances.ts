// npm run bench:instances — two production app instances and two lab workers
// on one Postgres against one instance: review-post throughput and latency
// p50/p99 with 50 clients back to back and at 1 post/s each, clients
// spreading posts over A and B (on one instance, all to A) with the failover
// client; then a run where app server A and one worker are SIGKILLed a third
// of the way through, with the counts acknowledged against stored. Prints
// figures with the load average beside each; never passes or fails.
import { join } from "node:path";
import type { PrismaClient } from "../lib/db/generated/client";
import { referenceOutput } from "../lib/labs";
import { encodeNpy } from "../lib/labs/tensor-file";
import { catalogue } from "../exercises/catalogue";
import { freshBenchDatabase } from "./support/fresh-database";
import { runFailoverLabUploads, runFailoverReviewLoad, type FailoverLoadOptions } from "./support/failover-load";
import { killApp, startInstances, type Instances } from "./support/instances";
import { reportKill, reportRuns, type InstancesRun, type KillReport } from "./support/instances-report";
import { runBench, type Cleanups } from "./support/lifecycle";
import { createBenchModule, createLoadUsers } from "./support/load-users";
import { ensureProductionBuild } from "./support/next-server";
import { freePort } from "./support/ports";
import { heading, loadAverage, note } from "./support/stats";

const DATA_DIR = join(process.cwd(), ".cache", "bench-instances");
const CLIENTS = 50;
const DEADLINE_MS = 180_000;
const STALE_SECONDS = 10;
/** Lab uploads beside the kill run's reviews, spread over about 20 s so some come after the kill (the quota is 10 a minute per user). */
const LAB = { slug: "layernorm-forward", seed: 7, users: 10, uploadsEach: 5, paceMs: 4_000 };
const DRAIN_TIMEOUT_MS = 90_000;

type Run = { label: string; instances: 1 | 2; options: FailoverLoadOptions };

const BACK_TO_BACK: FailoverLoadOptions = { postsPerClient: 40, deadlineMs: DEADLINE_MS };
const PACED: FailoverLoadOptions = { postsPerClient: 20, deadlineMs: DEADLINE_MS, paceMs: 1_000 };
// One and two alternate, so a drift in the machine's other load hits both.
const RUNS: Run[] = [
  { label: `one instance, ${CLIENTS} clients back to back`, instances: 1, options: BACK_TO_BACK },
  { label: `two instances, ${CLIENTS} clients back to back`, instances: 2, options: BACK_TO_BACK },
  { label: `one instance, ${CLIENTS} clients at 1 post/s`, instances: 1, options: PACED },
  { label: `two instances, ${CLIENTS} clients at 1 post/s`, instances: 2, options: PACED },
];

async function main(cleanups: Cleanups): Promise<void> {
  heading("Setup");
  ensureProductionBuild();
  const database = await freshBenchDatabase(cleanups, { dataDir: DATA_DIR, seed: true, poolSize: 4 });
  const { prisma } = database;
  await createBenchModule(prisma);

  const instances = await startInstances({
    databaseUrl: database.url,
    appPorts: [await freePort(), await freePort()],
    workers: 2,
    logDir: DATA_DIR,
    workerEnv: { LAB_STALE_JOB_SECONDS: String(STALE_SECONDS) },
  });
  cleanups.push(instances.stop);
  const bases = instances.apps.map((app) => app.baseUrl);
  note(`app servers ${bases.join(" and ")}, 2 lab workers (LAB_STALE_JOB_SECONDS=${STALE_SECONDS}); logs in ${DATA_DIR}`);

  const warm = await createLoadUsers(prisma, "warm", 10);
  await runFailoverReviewLoad(bases, warm, { postsPerClient: 20, deadlineMs: DEADLINE_MS });
  note("Warm-up: 200 posts over both instances (not reported)");

  const runs: InstancesRun[] = [];
  for (const [i, run] of RUNS.entries()) {
    const users = await createLoadUsers(prisma, `run${i}`, CLIENTS);
    const loadBefore = loadAverage();
    const result = await runFailoverReviewLoad(bases.slice(0, run.instances), users, run.options);
    runs.push({ label: run.label, result, loadBefore, loadAfter: loadAverage() });
    note(`${run.label}: ${result.acknowledged.length} posts in ${(result.wallMs / 1000).toFixed(1)} s`);
  }
  reportRuns(runs);
  reportKill(
    `Two instances, ${CLIENTS} clients back to back and ${LAB.users}×${LAB.uploadsEach} lab uploads; app A and worker 1 SIGKILLed after a third`,
    await killRun(prisma, instances),
  );
}

async function killRun(prisma: PrismaClient, instances: Instances): Promise<KillReport> {
  const bases = instances.apps.map((app) => app.baseUrl);
  const [appA] = instances.apps;
  const [worker1] = instances.workers;
  if (!appA || !worker1) throw new Error("expected two app servers and two workers");
  const users = await createLoadUsers(prisma, "kill", CLIENTS);
  const labUsers = await createLoadUsers(prisma, "kill-lab", LAB.users);
  const lab = catalogue.findLab(LAB.slug);
  if (!lab) throw new Error(`no lab ${LAB.slug}`);
  const file = encodeNpy(await referenceOutput(lab, LAB.seed));

  const total = CLIENTS * BACK_TO_BACK.postsPerClient;
  let killedAt = 0;
  const loadBefore = loadAverage();
  const labUserIds = labUsers.map((u) => u.id);
  const uploads = runFailoverLabUploads(bases, labUsers, { slug: LAB.slug, seed: LAB.seed, file, count: LAB.uploadsEach, paceMs: LAB.paceMs });
  // Timed apart from the reviews, which may still be posting when the queue empties.
  const graded = uploads.then(async (labs) => {
    const uploadedAt = Date.now();
    await waitForEmptyQueue(prisma, labUserIds);
    return { labs, uploadedAt, emptyAt: Date.now() };
  });
  const [reviews, { labs, uploadedAt, emptyAt }] = await Promise.all([
    runFailoverReviewLoad(bases, users, {
      ...BACK_TO_BACK,
      onProgress: (done) => {
        if (killedAt || done < total / 3) return;
        killedAt = Date.now();
        killApp(appA);
        worker1.signal("SIGKILL");
      },
    }),
    graded,
  ]);
  const loadAfter = loadAverage();
  const statuses = await prisma.labSubmission.groupBy({ by: ["status"], where: { userId: { in: labUserIds } }, _count: { _all: true } });
  const userIds = users.map((u) => u.id);
  return {
    reviews,
    labs,
    reviewRowsAcked: await prisma.reviewLog.count({ where: { id: { in: reviews.acknowledged } } }),
    reviewRowsTotal: await prisma.reviewLog.count({ where: { userId: { in: userIds } } }),
    labRowsAcked: await prisma.labSubmission.count({ where: { id: { in: labs.acknowledged } } }),
    labRowsTotal: await prisma.labSubmission.count({ where: { userId: { in: labUserIds } } }),
    labStatuses: new Map(statuses.map((s) => [s.status, s._count._all])),
    labRegraded: await prisma.labSubmission.count({ where: { userId: { in: labUserIds }, attempts: { gt: 1 } } }),
    uploadedSeconds: (uploadedAt - killedAt) / 1000,
    gradedSeconds: (emptyAt - killedAt) / 1000,
    staleSeconds: STALE_SECONDS,
    loadBefore,
    loadAfter,
  };
}

/** Waits until none of the users' submissions is QUEUED or RUNNING, or DRAIN_TIMEOUT_MS has passed. */
async function waitForEmptyQueue(prisma: PrismaClient, userIds: string[]): Promise<void> {
  const deadline = Date.now() + DRAIN_TIMEOUT_MS;
  while ((await prisma.labSubmission.count({ where: { userId: { in: userIds }, status: { in: ["QUEUED", "RUNNING"] } } })) > 0) {
    if (Date.now() > deadline) return;
    await new Promise((done) => setTimeout(done, 100));
  }
}

runBench(main);
