// The optimiser part of bench:schedule: a simulated learner's 5,000 and 25,000
// reviews turned into histories on this thread (yielding every few thousand
// rows), then fitted and measured against the weights in use (the fit and the
// time-series evaluation side by side in a worker thread), as
// POST /api/settings/optimize runs it, with the event loop watched.
import { fitFsrsWeights } from "../../lib/optimizer/fsrs-binding";
import { toCardHistories } from "../../lib/optimizer/review-history";
import { simulateReviews, type SimulatedReview } from "../../tests/integration/support/optimizer-fixtures";
import { watchEventLoop } from "./loop-watch";
import type { TimedRun } from "./schedule-simulation";

const CLOCK = { timeZone: "Europe/Berlin", dayStartHour: 4 };

/** At least `count` reviews by a learner over 90 days, cut to exactly `count` (oldest first). */
export function reviewsOf(count: number): SimulatedReview[] {
  const cardIds = Array.from({ length: Math.ceil(count / 12) }, (_, i) => `card-${i}`);
  const reviews = simulateReviews(cardIds, { seed: 3, start: new Date("2026-01-05T09:00:00Z"), days: 90, newPerDay: 25, memoryFactor: 0.6 });
  if (reviews.length < count) throw new Error(`simulation gave ${reviews.length} reviews, wanted ${count}`);
  return reviews.slice(0, count);
}

/** One optimisation as the workflow runs it (rows → histories → fit and evaluation). */
export async function timedOptimisation(reviews: readonly SimulatedReview[]): Promise<TimedRun> {
  const watch = watchEventLoop();
  const cpu = process.cpuUsage();
  const started = performance.now();
  const { cards } = await toCardHistories(reviews, CLOCK);
  const outcome = await fitFsrsWeights(cards, []);
  const wallMs = performance.now() - started;
  const used = process.cpuUsage(cpu);
  const cpuMs = (used.user + used.system) / 1000;
  const detail = `log loss ${outcome.before.logLoss.toFixed(3)} → ${outcome.after.logLoss.toFixed(3)}, RMSE ${outcome.before.rmse.toFixed(3)} → ${outcome.after.rmse.toFixed(3)}`;
  return { wallMs, cpuMs, maxHoldMs: watch.stop(), detail };
}
