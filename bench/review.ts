// npm run bench:review — how the review path holds up: (1) POST /api/reviews
// from 50 concurrent API clients against the production build, and (2) the
// time to build today's queue for a user with 100,000 card states. Prints
// figures and ratios to targets; never passes or fails. Part 1 ends with the
// load balancer's own run: 50 clients at 1 post/s each reviewing cards of
// one 100,000-card collection, load balancing on, then off. `-- --only=posts`,
// `-- --only=balance` or `-- --only=queue` runs one part.
import { join } from "node:path";
import type { PrismaClient } from "../lib/db/generated/client";
import { applyMigrations, createDatabase } from "../lib/db/migrations";
import { freshBenchDatabase } from "./support/fresh-database";
import { COLLECTION_CARDS, createBalanceCollection, setLoadBalancing } from "./support/balance-collection";
import { cpuBetween, postmasterPid, sampleCpu, type CpuSample } from "./support/cpu";
import { reportLoad, type RunReport } from "./support/load-report";
import { countReviewLogs, createBenchModule, createLoadUsers, type LoadUser } from "./support/load-users";
import { ensureProductionBuild, startNextServer, type NextServer } from "./support/next-server";
import { freePort } from "./support/ports";
import { runQueueBench } from "./support/queue-bench";
import { runReviewLoad, type LoadOptions } from "./support/review-load";
import { heading, loadAverage, note } from "./support/stats";
import { runBench, type Cleanups } from "./support/lifecycle";

const DATA_DIR = join(process.cwd(), ".cache", "bench-review");
const PG_DIR = join(DATA_DIR, "postgres");
const LOAD_CLIENTS = 50;
const POSTS_PER_CLIENT = 40;
const RUN_DEADLINE_MS = 180_000;
const MAIN_RUN = `${LOAD_CLIENTS} clients, back to back`;

type Run = { label: string; prefix: string; clients: number; options: LoadOptions };

const RUNS: Run[] = [
  { label: "1 client, back to back", prefix: "bench-solo", clients: 1, options: { postsPerClient: 100, deadlineMs: RUN_DEADLINE_MS } },
  { label: "10 clients, back to back", prefix: "bench-ten", clients: 10, options: { postsPerClient: POSTS_PER_CLIENT, deadlineMs: RUN_DEADLINE_MS } },
  { label: MAIN_RUN, prefix: "bench-load", clients: LOAD_CLIENTS, options: { postsPerClient: POSTS_PER_CLIENT, deadlineMs: RUN_DEADLINE_MS } },
  {
    label: `${LOAD_CLIENTS} clients, 1 post/s each`,
    prefix: "bench-paced",
    clients: LOAD_CLIENTS,
    options: { postsPerClient: 20, deadlineMs: RUN_DEADLINE_MS, paceMs: 1_000 },
  },
];

const PARTS = ["posts", "balance", "queue"] as const;
const only = process.argv.find((a) => a.startsWith("--only="))?.slice("--only=".length);
if (only !== undefined && !(PARTS as readonly string[]).includes(only)) throw new Error(`--only takes ${PARTS.join(", ")}, not "${only}"`);
const BALANCED_RUN = `${LOAD_CLIENTS} clients at 1 post/s, one ${COLLECTION_CARDS.toLocaleString("en")}-card collection, load balancing on`;
const BALANCED_POSTS = 20;
const BALANCE_WARMUP_POSTS = 5;
const BALANCE_SETTLE_MS = 15_000;

async function main(cleanups: Cleanups): Promise<void> {
  heading("Setup");
  if (only !== "queue") ensureProductionBuild();
  const database = await freshBenchDatabase(cleanups, { dataDir: DATA_DIR, seed: true, poolSize: 4 });
  const { prisma } = database;
  if (only !== "queue") await runPosts(prisma, database.url, cleanups);
  if (only === undefined || only === "queue") {
    const queueUrl = await createDatabase(database.url, "bench_queue");
    await applyMigrations(queueUrl);
    await runQueueBench(queueUrl, cleanups);
  }
}

async function runPosts(prisma: PrismaClient, databaseUrl: string, cleanups: Cleanups): Promise<void> {
  const benchCards = await createBenchModule(prisma);
  const publicCards = await prisma.card.count({ where: { module: { scope: "public" }, archivedAt: null } });
  note(`Public cards: ${publicCards} (incl. ${benchCards} in the bench-load module)`);
  const warm = await createLoadUsers(prisma, "bench-warm", 10);
  const users = new Map<string, LoadUser[]>();
  for (const run of RUNS) users.set(run.label, await createLoadUsers(prisma, run.prefix, run.clients));
  note(`Created ${warm.length + RUNS.reduce((n, r) => n + r.clients, 0)} users (onboarded, one API token each)`);

  const server = await startNextServer({ port: await freePort(), databaseUrl, logFile: join(DATA_DIR, "next-start.log") });
  cleanups.push(server.stop);
  note(`next start healthy at ${server.baseUrl} (log: ${server.logFile})`);
  const warmup = await runReviewLoad(server.baseUrl, warm, { postsPerClient: 20, deadlineMs: RUN_DEADLINE_MS });
  note(`Warm-up: ${warmup.postsCreated} posts from ${warm.length} clients in ${(warmup.wallMs / 1000).toFixed(1)} s (not reported)`);

  const reports: RunReport[] = [];
  if (only !== "balance") for (const run of RUNS) reports.push(await measureRun(prisma, server, run, users.get(run.label) ?? []));
  if (only !== "posts") reports.push(...(await measureBalancing(prisma, server)));
  await server.stop();
  reportLoad(reports, { label: only === "balance" ? BALANCED_RUN : MAIN_RUN, clients: LOAD_CLIENTS, p99Ms: 30 });
}

/**
 * Review posts that load balancing reads due counts for: Good reviews (Again
 * every tenth) of cards in review in a 100,000-card collection, first with
 * balancing on, then off on other cards of the same collection.
 */
async function measureBalancing(prisma: PrismaClient, server: NextServer): Promise<RunReport[]> {
  const collection = await createBalanceCollection(prisma, LOAD_CLIENTS, new Date());
  note(`Balancing run: ${COLLECTION_CARDS.toLocaleString("en")} card states for one learner, ${LOAD_CLIENTS} API tokens`);
  const half = (from: number) => collection.cardIds.map((ids) => ids.slice(from, from + BALANCED_POSTS));
  const run = (label: string, from: number): Run => ({
    label,
    prefix: "bench-balance",
    clients: LOAD_CLIENTS,
    options: { postsPerClient: BALANCED_POSTS, deadlineMs: RUN_DEADLINE_MS, paceMs: 1_000, cardIds: half(from) },
  });
  // The server has not yet run a balanced review's read and pick, and the collection's insert and
  // VACUUM have just loaded the machine: warm up on cards neither run uses, then let the load settle.
  const warmup = await runReviewLoad(server.baseUrl, collection.clients, {
    postsPerClient: BALANCE_WARMUP_POSTS,
    deadlineMs: RUN_DEADLINE_MS,
    paceMs: 1_000,
    cardIds: collection.cardIds.map((ids) => ids.slice(-BALANCE_WARMUP_POSTS)),
  });
  await new Promise((resolve) => setTimeout(resolve, BALANCE_SETTLE_MS));
  note(`Balancing warm-up: ${warmup.postsCreated} posts (not reported), then ${BALANCE_SETTLE_MS / 1000} s idle`);
  const warmedUp = await countReviewLogs(prisma, [collection.userId]);
  const reports = [await measureRun(prisma, server, run(BALANCED_RUN, 0), collection.clients, warmedUp)];
  await setLoadBalancing(prisma, collection.userId, false);
  const before = warmedUp + (reports[0]?.logged ?? 0);
  reports.push(
    await measureRun(prisma, server, run(BALANCED_RUN.replace("load balancing on", "load balancing off"), BALANCED_POSTS), collection.clients, before),
  );
  return reports;
}

/** One run; `loggedBefore` is what review_log already held for these users (a second run of the same learner). */
async function measureRun(prisma: PrismaClient, server: NextServer, run: Run, users: LoadUser[], loggedBefore = 0): Promise<RunReport> {
  const postmaster = postmasterPid(PG_DIR);
  const loadBefore = loadAverage();
  let before: CpuSample | undefined;
  const onPosting = () => (before = sampleCpu(server.pid, postmaster));
  const result = await runReviewLoad(server.baseUrl, users, { ...run.options, onPosting });
  const cpu = cpuBetween(before, sampleCpu(server.pid, postmaster));
  const logged = (await countReviewLogs(prisma, [...new Set(users.map((u) => u.id))])) - loggedBefore;
  return { label: run.label, result, logged, cpu, loadBefore };
}

runBench(main);
