// npm run bench:schedule — the scheduling tools' own costs, in process (no
// server, no database): simulating 365 days for 10,000 cards (target < 2 s,
// event loop never held over 50 ms) and the minimum recommended retention's
// sweep; optimising 5,000 and 25,000 reviews with the before/after evaluation
// (target < 2 s for 25,000). Median of 3 runs after a warm-up, the worst event-
// loop hold over all runs, the load average beside each. CPU ms is the whole
// process's (worker threads included): on a busy machine wall time follows the
// load, CPU time much less. Prints figures;
// never passes or fails. `-- --only=simulate` or `-- --only=optimize` runs one part.
// Load balancing's review-post p99 is measured by `npm run bench:review -- --only=balance`.
import { runBench } from "./support/lifecycle";
import { reviewsOf, timedOptimisation } from "./support/schedule-optimize";
import { simulationBenchInput, timedRecommendation, timedSimulation, type TimedRun } from "./support/schedule-simulation";
import { heading, loadAverage, ms, note, percentile, table } from "./support/stats";

const RUNS = 3;
const PARTS = ["simulate", "optimize"] as const;
const only = process.argv.find((a) => a.startsWith("--only="))?.slice("--only=".length);
if (only !== undefined && !(PARTS as readonly string[]).includes(only)) throw new Error(`--only takes ${PARTS.join(" or ")}, not "${only}"`);

/** One warm-up, then {@link RUNS} runs: a table row of the median wall time, the worst hold and the last run's detail. */
async function row(label: string, target: string, run: () => Promise<TimedRun>): Promise<string[]> {
  const before = loadAverage();
  await run();
  const runs: TimedRun[] = [];
  for (let i = 0; i < RUNS; i += 1) runs.push(await run());
  return [
    label,
    ms(
      percentile(
        runs.map((r) => r.wallMs),
        50,
      ),
    ),
    ms(
      percentile(
        runs.map((r) => r.cpuMs),
        50,
      ),
    ),
    target,
    ms(Math.max(...runs.map((r) => r.maxHoldMs))),
    `${before} → ${loadAverage()}`,
    runs.at(-1)?.detail ?? "",
  ];
}

const HEADER = ["workload", "median ms", "CPU ms", "target", "max loop hold ms", "load avg", "detail"];

async function main(): Promise<void> {
  note(`${RUNS} runs per row after 1 warm-up; loop hold: the worst lateness of a 5 ms timer (target ≤ 50 ms)`);
  if (only !== "optimize") {
    heading("Workload simulator");
    const input = simulationBenchInput();
    const rows = [
      await row("365 days × 10,000 cards (7,000 seen, 3,000 new at 20/day)", "< 2000", () => timedSimulation(input)),
      await row("minimum recommended retention (sample of 1,000)", "—", () => timedRecommendation(input)),
    ];
    console.log(table(HEADER, rows));
  }
  if (only !== "simulate") {
    heading("Optimiser: fit + before/after evaluation");
    const rows = [
      await row("5,000 reviews", "—", () => timedOptimisation(reviewsOf(5_000))),
      await row("25,000 reviews", "< 2000", () => timedOptimisation(reviewsOf(25_000))),
    ];
    console.log(table(HEADER, rows));
  }
  // The third figure the scheduling work is held to needs the production server and Postgres.
  note("Load balancing's cost on the review post (p99 < 30 ms, 50 clients, 100,000 cards): npm run bench:review -- --only=balance");
}

runBench(async () => main());
