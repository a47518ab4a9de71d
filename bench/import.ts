// npm run bench:import — a large Anki package through POST /api/imports on the
// production server. Generates 10,000 basic notes over 20 decks with ten
// review-log rows per card (100,000 reviews, the current zstd layout), starts
// the app server on a fresh embedded Postgres with the event-loop probe on
// (RESIDUAL_EVENT_LOOP_FILE), and sends the package as one user's bearer
// request, a dry run and then the commit, while /api/health is polled every
// ~20 ms from another process. Reports each request's wall time, the
// server's RSS peak and longest event-loop delay, /api/health latency, and
// then today's queue (getTodayQueue, in-process) for the importer, now
// enrolled in the 20 imported modules and the built-in course. Prints
// figures; never passes or fails. Uses the existing production build: run
// `npm run build` after changing the code. Search has its own: bench:search.
// `-- --in-process` times the import's steps in this process instead
// (bench/support/import-phases.ts); `-- --in-process --profile` adds a CPU profile.
import { join } from "node:path";
import { catalogue } from "../exercises/catalogue";
import type { EventLoopSample } from "../lib/monitoring/event-loop-probe";
import { getTodayQueue } from "../lib/queue/today-queue";
import { writeLatestPackage } from "../tests/unit/anki/support/build-latest";
import { freshBenchDatabase } from "./support/fresh-database";
import { BENCH_T0, DAY_MS, benchAnkiCollection } from "./support/anki-bench-package";
import { runInProcess } from "./support/import-phases";
import { runBench, type Cleanups } from "./support/lifecycle";
import { createLoadUsers, type LoadUser } from "./support/load-users";
import { ensureProductionBuild, startNextServer, type NextServer } from "./support/next-server";
import { freePort } from "./support/ports";
import { nextSample, pollHealth, postStreamed, probeSamples } from "./support/server-probe";
import { heading, loadAverage, ms, note, percentile, summarize, table, timeRuns } from "./support/stats";

const DATA_DIR = join(process.cwd(), ".cache", "bench-import");
const PROBE_FILE = join(DATA_DIR, "event-loop.jsonl");
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
  status: number;
  wallMs: number;
  healthP99: number;
  healthMax: number;
  healthCount: number;
  loopMaxMs: number;
  rssPeak: number;
  loadBefore: string;
  loadAfter: string;
};

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

function post(server: NextServer, user: LoadUser, bytes: Uint8Array, dryRun: boolean) {
  const url = new URL(`/api/imports?format=anki&filename=bench.apkg&dryRun=${dryRun ? 1 : 0}`, server.baseUrl);
  return postStreamed(url, bytes, { authorization: `Bearer ${user.secret}`, "content-type": "application/octet-stream" });
}

async function phase(label: string, server: NextServer, user: LoadUser, bytes: Uint8Array, dryRun: boolean): Promise<Phase> {
  const loadBefore = loadAverage();
  const start = Date.now();
  const poll = pollHealth(server.baseUrl);
  const answer = await post(server, user, bytes, dryRun);
  const end = Date.now();
  const health = summarize((await poll.stop()).map((h) => h.ms));
  await nextSample(PROBE_FILE, end);
  const during = probeSamples(PROBE_FILE, start, end + 150);
  return {
    label,
    status: answer.status,
    wallMs: answer.ms,
    healthP99: health.p99,
    healthMax: health.max,
    healthCount: health.count,
    loopMaxMs: longestHold(during),
    rssPeak: Math.max(0, ...during.map((s) => s.rssBytes)),
    loadBefore,
    loadAfter: loadAverage(),
  };
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
  note(`next start healthy at ${server.baseUrl} (log: ${server.logFile}); event-loop probe: ${PROBE_FILE}`);
  await nextSample(PROBE_FILE, 0);
  // Warm-up: the route compiled and sql.js loaded, as in a server that has run a while.
  for (const dryRun of [true, false]) {
    const answer = await post(server, warm, warmBytes, dryRun);
    if (answer.status !== 200) throw new Error(`warm-up import answered ${answer.status}; see ${server.logFile}`);
  }
  await new Promise((done) => setTimeout(done, 2_000));

  heading("Baseline (no import)");
  const baseStart = Date.now();
  const basePoll = pollHealth(server.baseUrl);
  await new Promise((done) => setTimeout(done, BASELINE_MS));
  const base = summarize((await basePoll.stop()).map((h) => h.ms));
  const baseSamples = probeSamples(PROBE_FILE, baseStart, Date.now());
  note(
    `/api/health p50 ${ms(base.p50)} ms, p99 ${ms(base.p99)} ms, max ${ms(base.max)} ms over ${base.count} requests; event loop max ` +
      `${ms(Math.max(0, ...baseSamples.map((s) => s.maxDelayMs)))} ms; RSS ${(
        percentile(
          baseSamples.map((s) => s.rssBytes),
          50,
        ) / MiB
      ).toFixed(0)} MiB; load avg ${loadAverage()}`,
  );

  heading("Import");
  const phases = [await phase("dry run", server, user, bytes, true), await phase("commit", server, user, bytes, false)];
  const [reviews, states] = await Promise.all([prisma.reviewLog.count({ where: { userId: user.id } }), prisma.cardState.count({ where: { userId: user.id } })]);
  note(`Stored for the importer: ${states.toLocaleString("en")} card states, ${reviews.toLocaleString("en")} review_log rows`);
  console.log(
    table(
      ["request", "status", "wall s", "health n", "health p99 ms", "health max ms", "loop max ms", "RSS peak", "load avg before → after"],
      phases.map((p) => [
        p.label,
        String(p.status),
        (p.wallMs / 1000).toFixed(1),
        String(p.healthCount),
        ms(p.healthP99),
        ms(p.healthMax),
        ms(p.loopMaxMs),
        `${(p.rssPeak / MiB).toFixed(0)} MiB`,
        `${p.loadBefore} → ${p.loadAfter}`,
      ]),
    ),
  );
  const wall = phases.reduce((sum, p) => sum + p.wallMs, 0);
  const held = Math.max(...phases.map((p) => Math.max(p.healthMax, p.loopMaxMs)));
  const rss = Math.max(...phases.map((p) => p.rssPeak));
  console.log(
    `\nTargets: import (dry run + commit) < ${TARGET.wallMs / 1000} s (${(wall / 1000).toFixed(1)} s); server RSS < ${TARGET.rssBytes / 10 ** 6} MB ` +
      `(peak ${(rss / 10 ** 6).toFixed(0)} MB); no request held > ${TARGET.heldMs} ms (longest health answer or loop delay ${ms(held)} ms). Load average now ${loadAverage()}.`,
  );
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
