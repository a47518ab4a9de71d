// npm run bench:import — a large Anki package through the import job flow on
// the production server. Generates 10,000 basic notes over 20 decks with ten
// review-log rows per card (100,000 reviews, the current zstd layout), starts
// the app server and one import worker (scripts/import-worker.ts) on a fresh
// embedded Postgres, each with the event-loop probe on (its own
// RESIDUAL_EVENT_LOOP_FILE), and as one user's bearer requests uploads the
// package as a dry run (POST /api/imports → 202, then GET /api/imports/{id}
// every 250 ms until PREVIEWED) and commits it (POST …/commit, polled until
// DONE), while /api/health is polled every ~20 ms from another process.
// Reports each phase's wall time, the server's and the worker's RSS peaks
// and longest event-loop holds, /api/health latency, with the load average;
// then today's queue (getTodayQueue, in-process) for the importer, now
// enrolled in the 20 imported modules and the built-in course. Prints
// figures; never passes or fails. Uses the existing production build: run
// `npm run build` after changing the code. Search has its own: bench:search.
// `-- --in-process` times the import's steps in this process instead
// (bench/support/import-phases.ts); `-- --in-process --profile` adds a CPU profile.
import { randomUUID } from "node:crypto";
import { join } from "node:path";
import { catalogue } from "../exercises/catalogue";
import type { EventLoopSample } from "../lib/monitoring/event-loop-probe";
import { getTodayQueue } from "../lib/queue/today-queue";
import { writeLatestPackage } from "../tests/unit/anki/support/build-latest";
import { freshBenchDatabase } from "./support/fresh-database";
import { BENCH_T0, DAY_MS, benchAnkiCollection } from "./support/anki-bench-package";
import { runInProcess } from "./support/import-phases";
import { runBench, type Cleanups } from "./support/lifecycle";
import { startImportWorker } from "./support/lab-worker-process";
import { createLoadUsers, type LoadUser } from "./support/load-users";
import { ensureProductionBuild, startNextServer, type NextServer } from "./support/next-server";
import { freePort } from "./support/ports";
import { nextSample, pollHealth, postStreamed, probeSamples } from "./support/server-probe";
import { heading, loadAverage, ms, note, percentile, summarize, table, timeRuns } from "./support/stats";

const DATA_DIR = join(process.cwd(), ".cache", "bench-import");
const PROBE_FILE = join(DATA_DIR, "event-loop.jsonl");
const WORKER_PROBE_FILE = join(DATA_DIR, "worker-event-loop.jsonl");
/** How often the bench asks how a job stands (the page asks every 500 ms). */
const JOB_POLL_MS = 250;
const NOTES = 10_000;
const REVIEWS_PER_CARD = 10;
const DECKS = 20;
const BASELINE_MS = 3_000;
const QUEUE_RUNS = 100;
const QUEUE_WARMUP = 5;
/** bench:review's getTodayQueue figures (README, "after"): p50 / p99 for 100,000 card states among 1,000,000 rows. */
const FOUNDATION_QUEUE = { p50: 9.3, p99: 43.3 };
const TARGET = { wallMs: 30_000, rssBytes: 500 * 10 ** 6, heldMs: 100 };
const MiB = 2 ** 20;
/** The probe's sampling interval (lib/monitoring/event-loop-probe.ts). */
const PROBE_EVERY_MS = 100;

type Phase = {
  label: string;
  /** The upload's (or the commit request's) answer. */
  status: number;
  answerMs: number;
  /** From the request to the job's end (PREVIEWED or DONE). */
  wallMs: number;
  jobStatus: string;
  healthP99: number;
  healthMax: number;
  healthCount: number;
  loopMaxMs: number;
  rssPeak: number;
  workerLoopMaxMs: number;
  workerRssPeak: number;
  loadBefore: string;
  loadAfter: string;
};

type JobState = { status: string; error: string | null };

/**
 * The longest the server's event loop was held in `samples`: the histogram's
 * max, or the gap between two samples less the probe's 100 ms interval, since
 * after a stretch of seconds the histogram may hold no sample at all.
 */
function longestHold(samples: readonly EventLoopSample[]): number {
  let longest = 0;
  for (const [i, s] of samples.entries()) {
    const previous = samples[i - 1];
    longest = Math.max(longest, s.maxDelayMs, previous ? s.at - previous.at - PROBE_EVERY_MS : 0);
  }
  return longest;
}

function upload(server: NextServer, user: LoadUser, bytes: Uint8Array, id: string) {
  const url = new URL(`/api/imports?format=anki&filename=bench.apkg&dryRun=1&id=${id}`, server.baseUrl);
  return postStreamed(url, bytes, { authorization: `Bearer ${user.secret}`, "content-type": "application/octet-stream" });
}

async function commit(server: NextServer, user: LoadUser, id: string): Promise<{ status: number; ms: number }> {
  const started = performance.now();
  const response = await fetch(new URL(`/api/imports/${id}/commit`, server.baseUrl), { method: "POST", headers: { authorization: `Bearer ${user.secret}` } });
  await response.arrayBuffer();
  return { status: response.status, ms: performance.now() - started };
}

/** Asks for the job every JOB_POLL_MS until it is no longer queued or running. */
async function waitForJob(server: NextServer, user: LoadUser, id: string): Promise<JobState> {
  for (;;) {
    const response = await fetch(new URL(`/api/imports/${id}`, server.baseUrl), { headers: { authorization: `Bearer ${user.secret}` } });
    const job = (await response.json()) as JobState;
    if (!["UPLOADING", "QUEUED", "RUNNING"].includes(job.status)) return job;
    await new Promise((done) => setTimeout(done, JOB_POLL_MS));
  }
}

/** Runs `request` (the upload or the commit), then follows job `id` to its end, measuring both processes meanwhile. */
async function phase(label: string, server: NextServer, user: LoadUser, id: string, request: () => Promise<{ status: number; ms: number }>): Promise<Phase> {
  const loadBefore = loadAverage();
  const start = Date.now();
  const poll = pollHealth(server.baseUrl);
  const answer = await request();
  const job = answer.status === 202 || answer.status === 200 ? await waitForJob(server, user, id) : { status: "refused", error: null };
  const end = Date.now();
  const health = summarize((await poll.stop()).map((h) => h.ms));
  await Promise.all([nextSample(PROBE_FILE, end), nextSample(WORKER_PROBE_FILE, end)]);
  const during = probeSamples(PROBE_FILE, start, end + 150);
  const worker = probeSamples(WORKER_PROBE_FILE, start, end + 150);
  if (job.error) note(`${label}: job ${job.status}: ${job.error}`);
  return {
    label,
    status: answer.status,
    answerMs: answer.ms,
    wallMs: end - start,
    jobStatus: job.status,
    healthP99: health.p99,
    healthMax: health.max,
    healthCount: health.count,
    loopMaxMs: longestHold(during),
    rssPeak: Math.max(0, ...during.map((s) => s.rssBytes)),
    workerLoopMaxMs: longestHold(worker),
    workerRssPeak: Math.max(0, ...worker.map((s) => s.rssBytes)),
    loadBefore,
    loadAfter: loadAverage(),
  };
}

/** A dry run and its commit, each followed to its end. */
async function importTwice(server: NextServer, user: LoadUser, bytes: Uint8Array): Promise<Phase[]> {
  const id = randomUUID();
  const dry = await phase("upload → previewed", server, user, id, () => upload(server, user, bytes, id));
  const committed = await phase("commit → done", server, user, id, () => commit(server, user, id));
  return [dry, committed];
}

async function main(cleanups: Cleanups): Promise<void> {
  heading("Setup");
  ensureProductionBuild();
  const database = await freshBenchDatabase(cleanups, { dataDir: DATA_DIR, seed: true, poolSize: 4 });
  const { prisma } = database;
  const [user, warm] = await createLoadUsers(prisma, "import", 2);
  if (!user || !warm) throw new Error("no bench users");

  const packageNow = new Date(BENCH_T0 + 400 * DAY_MS);
  const bytes = await writeLatestPackage(benchAnkiCollection(NOTES, REVIEWS_PER_CARD, DECKS), packageNow);
  const warmBytes = await writeLatestPackage(benchAnkiCollection(50, 3, 2), packageNow);
  note(
    `Package: ${NOTES.toLocaleString("en")} notes in ${DECKS} decks, ${(NOTES * REVIEWS_PER_CARD).toLocaleString("en")} review rows, ${(bytes.length / MiB).toFixed(1)} MiB (anki21b)`,
  );

  process.env.RESIDUAL_EVENT_LOOP_FILE = PROBE_FILE;
  const server = await startNextServer({ port: await freePort(), databaseUrl: database.url, logFile: join(DATA_DIR, "next-start.log") });
  cleanups.push(server.stop);
  const worker = await startImportWorker({
    databaseUrl: database.url,
    logFile: join(DATA_DIR, "import-worker.log"),
    env: { RESIDUAL_EVENT_LOOP_FILE: WORKER_PROBE_FILE },
  });
  cleanups.push(worker.stop);
  note(
    `next start healthy at ${server.baseUrl} (log: ${server.logFile}); import worker ${worker.pid} (log: ${worker.logFile}); probes: ${PROBE_FILE}, ${WORKER_PROBE_FILE}`,
  );
  await Promise.all([nextSample(PROBE_FILE, 0), nextSample(WORKER_PROBE_FILE, 0)]);
  // Warm-up: the routes compiled and sql.js loaded in the worker, as in a server that has run a while.
  for (const warmed of await importTwice(server, warm, warmBytes)) {
    if (warmed.jobStatus !== "PREVIEWED" && warmed.jobStatus !== "DONE") throw new Error(`warm-up import ended ${warmed.jobStatus}; see ${worker.logFile}`);
  }
  await new Promise((done) => setTimeout(done, 2_000));

  heading("Baseline (no import)");
  const baseStart = Date.now();
  const basePoll = pollHealth(server.baseUrl);
  await new Promise((done) => setTimeout(done, BASELINE_MS));
  const base = summarize((await basePoll.stop()).map((h) => h.ms));
  const baseSamples = probeSamples(PROBE_FILE, baseStart, Date.now());
  const workerIdle = probeSamples(WORKER_PROBE_FILE, baseStart, Date.now());
  note(
    `/api/health p50 ${ms(base.p50)} ms, p99 ${ms(base.p99)} ms, max ${ms(base.max)} ms over ${base.count} requests; event loop max ` +
      `${ms(Math.max(0, ...baseSamples.map((s) => s.maxDelayMs)))} ms; RSS ${(
        percentile(
          baseSamples.map((s) => s.rssBytes),
          50,
        ) / MiB
      ).toFixed(0)} MiB; idle worker RSS ${(
        percentile(
          workerIdle.map((s) => s.rssBytes),
          50,
        ) / MiB
      ).toFixed(0)} MiB; load avg ${loadAverage()}`,
  );

  heading("Import (a background job: the upload is answered at once, the worker reads and writes)");
  const phases = await importTwice(server, user, bytes);
  const [reviews, states] = await Promise.all([prisma.reviewLog.count({ where: { userId: user.id } }), prisma.cardState.count({ where: { userId: user.id } })]);
  note(`Stored for the importer: ${states.toLocaleString("en")} card states, ${reviews.toLocaleString("en")} review_log rows`);
  const mib = (bytes: number) => `${(bytes / MiB).toFixed(0)} MiB`;
  console.log(
    table(
      [
        "phase",
        "answer",
        "job",
        "wall s",
        "health n",
        "health p99 ms",
        "health max ms",
        "server loop max ms",
        "server RSS peak",
        "worker loop max ms",
        "worker RSS peak",
        "load avg before → after",
      ],
      phases.map((p) => [
        p.label,
        `${p.status} in ${ms(p.answerMs)} ms`,
        p.jobStatus,
        (p.wallMs / 1000).toFixed(1),
        String(p.healthCount),
        ms(p.healthP99),
        ms(p.healthMax),
        ms(p.loopMaxMs),
        mib(p.rssPeak),
        ms(p.workerLoopMaxMs),
        mib(p.workerRssPeak),
        `${p.loadBefore} → ${p.loadAfter}`,
      ]),
    ),
  );
  const wall = phases.reduce((sum, p) => sum + p.wallMs, 0);
  const held = Math.max(...phases.map((p) => Math.max(p.healthMax, p.loopMaxMs)));
  const rss = Math.max(...phases.map((p) => p.rssPeak));
  const workerRss = Math.max(...phases.map((p) => p.workerRssPeak));
  console.log(
    `\nTargets: import (dry run + commit) < ${TARGET.wallMs / 1000} s (${(wall / 1000).toFixed(1)} s); server RSS < ${TARGET.rssBytes / 10 ** 6} MB ` +
      `(peak ${(rss / 10 ** 6).toFixed(0)} MB; the import worker, a process of its own, peaked at ${(workerRss / 10 ** 6).toFixed(0)} MB); ` +
      `no request held > ${TARGET.heldMs} ms (longest health answer or server loop delay ${ms(held)} ms). Load average now ${loadAverage()}.`,
  );
  await worker.stop();
  await server.stop();

  heading(`Today's queue for the importer (${DECKS} imported modules + the course)`);
  const enrolled = await prisma.enrollment.count({ where: { userId: user.id } });
  const now = new Date();
  const queue = await getTodayQueue(prisma, catalogue, user.id, now);
  note(`Enrolled in ${enrolled} modules; getTodayQueue returns ${queue.cards.length} cards, counts ${JSON.stringify(queue.counts)}`);
  const rows: string[][] = [];
  for (const when of ["right after the import", "after ANALYZE (as autovacuum would)"]) {
    if (when.startsWith("after")) await prisma.$executeRawUnsafe("ANALYZE");
    const loadBefore = loadAverage();
    const times = summarize(await timeRuns(QUEUE_RUNS, QUEUE_WARMUP, () => getTodayQueue(prisma, catalogue, user.id, now)));
    rows.push([
      `getTodayQueue ${when}, ${QUEUE_RUNS} runs`,
      ms(times.p50),
      ms(times.p99),
      ms(times.max),
      `${FOUNDATION_QUEUE.p50} / ${FOUNDATION_QUEUE.p99}`,
      `${loadBefore} → ${loadAverage()}`,
    ]);
  }
  console.log(table(["measured", "p50 ms", "p99 ms", "max ms", "foundation p50 / p99 ms", "load avg before → after"], rows));
  note("Foundation figures: npm run bench:review -- --only=queue (100,000 states among 1,000,000 rows). Search over 100,000 cards: npm run bench:search.");
}

const IN_PROCESS = process.argv.includes("--in-process");
const PROFILE = process.argv.includes("--profile");

runBench(IN_PROCESS ? (cleanups) => runInProcess(cleanups, { notes: NOTES, reviewsPerCard: REVIEWS_PER_CARD, decks: DECKS, profile: PROFILE }) : main);
