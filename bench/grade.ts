// npm run bench:grade — how grading holds up: (1) gradeExercise in process per
// exercise on the float64 path and on each tfjs backend, against a 1 ms
// target; (2) POST /api/grade from 50 concurrent API clients against the
// production build, back to back and paced, against a 50 ms p99 target, with
// a check that every reply saying `stored` stored exactly one attempt. Prints figures; never
// passes or fails.
import { join } from "node:path";
import type { PrismaClient } from "../lib/db/generated/client";
import { freshBenchDatabase } from "./support/fresh-database";
import { runInProcessBench, GRADE_SEEDS } from "./support/grade-inprocess";
import { runGradeLoad, type GradeLoadOptions } from "./support/grade-load";
import { reportHttp, reportInProcess, type HttpRunReport } from "./support/grade-report";
import { buildGradeCases, type GradeCase } from "./support/grade-requests";
import { createLoadUsers, type LoadUser } from "./support/load-users";
import { ensureProductionBuild, startNextServer } from "./support/next-server";
import { heading, loadAverage, note } from "./support/stats";
import { runBench, type Cleanups } from "./support/lifecycle";

const DATA_DIR = join(process.cwd(), ".cache", "bench-grade");
const PORT = 3210;
const CLIENTS = 50;
const RUN_DEADLINE_MS = 180_000;
const MAIN_RUN = `${CLIENTS} clients, back to back`;

const RUNS: { label: string; options: GradeLoadOptions }[] = [
  { label: MAIN_RUN, options: { requestsPerClient: 40, deadlineMs: RUN_DEADLINE_MS } },
  { label: `${CLIENTS} clients, 1 request/s each`, options: { requestsPerClient: 15, deadlineMs: RUN_DEADLINE_MS, paceMs: 1_000 } },
];

async function main(cleanups: Cleanups): Promise<void> {
  const inProcess = await runInProcessBench({ runs: 2_000, warmup: 200, budgetMsPerCell: 5_000 });
  reportInProcess(inProcess.cells, inProcess.backends);

  heading("Setup for part 2");
  ensureProductionBuild();
  const cases = buildGradeCases(GRADE_SEEDS);
  note(
    `Request mix: ${count(cases, "right")} right, ${count(cases, "misconception")} misconception, ${count(cases, "unreadable")} unreadable cases over ${GRADE_SEEDS.length} seeds`,
  );
  const database = await freshBenchDatabase(cleanups, { dataDir: DATA_DIR, seed: false, poolSize: 4 });
  const { prisma } = database;
  const users = await createLoadUsers(prisma, "bench-grade", CLIENTS);
  note(`Created ${users.length} users (one API token each)`);

  const server = await startNextServer({ port: PORT, databaseUrl: database.url, logFile: join(DATA_DIR, "next-start.log") });
  cleanups.push(server.stop);
  note(`next start healthy at ${server.baseUrl} (log: ${server.logFile})`);
  const warm = await runGradeLoad(server.baseUrl, users.slice(0, 10), cases, { requestsPerClient: 20, deadlineMs: RUN_DEADLINE_MS });
  note(`Warm-up: ${warm.attempted} requests from 10 clients in ${(warm.wallMs / 1000).toFixed(1)} s (not reported)`);

  const reports: HttpRunReport[] = [];
  for (const run of RUNS) reports.push(await measureRun(prisma, server.baseUrl, users, cases, run));
  await server.stop();
  reportHttp(reports, MAIN_RUN, CLIENTS);
}

async function measureRun(prisma: PrismaClient, baseUrl: string, users: LoadUser[], cases: GradeCase[], run: (typeof RUNS)[number]): Promise<HttpRunReport> {
  const userIds = users.map((u) => u.id);
  const before = await prisma.exerciseAttempt.count({ where: { userId: { in: userIds } } });
  const loadBefore = loadAverage();
  const result = await runGradeLoad(baseUrl, users, cases, run.options);
  const after = await prisma.exerciseAttempt.count({ where: { userId: { in: userIds } } });
  return { label: run.label, result, stored: after - before, loadBefore };
}

function count(cases: readonly GradeCase[], kind: GradeCase["kind"]): number {
  return cases.filter((c) => c.kind === kind).length;
}

runBench(main);
