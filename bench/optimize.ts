// npm run bench:optimize — how long fitting personal FSRS weights takes for a
// user with 5k and 25k reviews (a simulated learner, no database), and whether
// the fit holds the event loop (the longest delay of a 5 ms timer tick while
// it runs). The fit runs as the workflow runs it: rows → histories on this
// thread (yielding every few thousand rows), items and fit in a worker thread.
// Median of 3 runs after one warm-up. Prints figures; never passes or fails.
import { fitFsrsWeights } from "../lib/optimizer/fsrs-binding";
import { toCardHistories } from "../lib/optimizer/review-history";
import { simulateReviews, type SimulatedReview } from "../tests/integration/support/optimizer-fixtures";
import { runBench } from "./support/lifecycle";
import { heading, loadAverage, ms, note, percentile, table } from "./support/stats";

const SIZES = [5_000, 25_000];
const RUNS = 3;
const TICK_MS = 5;
const CLOCK = { timeZone: "Europe/Berlin", dayStartHour: 4 };

/** At least `count` reviews by a learner over 90 days, cut to exactly `count` (oldest first). */
function reviewsOf(count: number): SimulatedReview[] {
  const cardIds = Array.from({ length: Math.ceil(count / 12) }, (_, i) => `card-${i}`);
  const reviews = simulateReviews(cardIds, { seed: 3, start: new Date("2026-01-05T09:00:00Z"), days: 90, newPerDay: 25, memoryFactor: 0.6 });
  if (reviews.length < count) throw new Error(`simulation gave ${reviews.length} reviews, wanted ${count}`);
  return reviews.slice(0, count);
}

type Run = { wallMs: number; syncMs: number; maxTickGapMs: number };

/** One optimise as the workflow does it (rows → histories → fit), with the event loop watched. */
async function timedFit(reviews: readonly SimulatedReview[]): Promise<Run> {
  let maxTickGapMs = 0;
  let last = performance.now();
  const timer = setInterval(() => {
    const now = performance.now();
    maxTickGapMs = Math.max(maxTickGapMs, now - last - TICK_MS);
    last = now;
  }, TICK_MS);
  await new Promise((resolve) => setTimeout(resolve, 20));
  const started = performance.now();
  const fit = toCardHistories(reviews, CLOCK).then(({ cards }) => fitFsrsWeights(cards, []));
  const syncMs = performance.now() - started;
  await fit;
  const wallMs = performance.now() - started;
  clearInterval(timer);
  return { wallMs, syncMs, maxTickGapMs };
}

async function main(): Promise<void> {
  heading("FSRS parameter fit");
  note(`1-minute load average ${loadAverage()}; ${RUNS} runs per size after 1 warm-up; timer tick ${TICK_MS} ms`);
  const rows: string[][] = [];
  for (const size of SIZES) {
    const reviews = reviewsOf(size);
    await timedFit(reviews);
    const runs: Run[] = [];
    for (let i = 0; i < RUNS; i += 1) runs.push(await timedFit(reviews));
    rows.push([
      `${size.toLocaleString("en")} reviews`,
      ms(
        percentile(
          runs.map((r) => r.wallMs),
          50,
        ),
      ),
      ms(
        percentile(
          runs.map((r) => r.syncMs),
          50,
        ),
      ),
      ms(Math.max(...runs.map((r) => r.maxTickGapMs))),
    ]);
  }
  console.log(table(["workload", "fit median ms", "first sync stretch ms", "max tick delay ms"], rows));
  note("max tick delay: the worst wait of a 5 ms timer over all runs; above ≈50 ms other requests would stall.");
}

runBench(async () => main());
