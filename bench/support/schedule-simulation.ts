// The simulator part of bench:schedule: a learner with 10,000 cards (7,000 in
// review at varied stabilities, 3,000 not yet seen at 20 a day) simulated for
// 365 days the way GET /api/stats/simulation runs it (yielding every 10 ms),
// then the minimum recommended retention's sweep, with the event loop watched.
import { timeSlice } from "../../lib/event-loop/yield";
import { DEFAULT_SCHEDULER_SETTINGS, ratingApplier, type SchedulingState } from "../../lib/scheduling";
import { minimumRecommendedRetention } from "../../lib/simulator/recommended-retention";
import { simulateWorkload, type SimulationInput } from "../../lib/simulator/simulate-workload";
import { DEFAULT_HABITS, DEFAULT_SECONDS } from "../../lib/simulator/simulation-data";
import { watchEventLoop } from "./loop-watch";

const DAY = 86_400_000;
const START = Date.parse("2026-03-02T03:00:00Z");

/** `count` cards each reviewed Good 1–8 times over the past year, so due dates and stabilities spread. */
function reviewedCards(count: number): SchedulingState[] {
  const apply = ratingApplier(DEFAULT_SCHEDULER_SETTINGS);
  return Array.from({ length: count }, (_, i) => {
    let state = apply(null, 3, new Date(START - 365 * DAY + (i % 300) * DAY + i * 1000)).next;
    for (let k = 0; k < 1 + (i % 8) && state.due.getTime() < START; k += 1) state = apply(state, 3, state.due).next;
    return state;
  });
}

export function simulationBenchInput(seen = 7_000, unseen = 3_000): SimulationInput {
  return {
    cards: reviewedCards(seen),
    newCards: unseen,
    newCardsPerDay: 20,
    dayStarts: Array.from({ length: 366 }, (_, d) => START + d * DAY),
    settings: DEFAULT_SCHEDULER_SETTINGS,
    habits: DEFAULT_HABITS,
    seconds: DEFAULT_SECONDS,
    seed: 1,
  };
}

/** Wall time, CPU time of the whole process (worker threads included; the load-independent figure), the longest event-loop hold. */
export type TimedRun = { wallMs: number; cpuMs: number; maxHoldMs: number; detail: string };

/** One year simulated as the route runs it. */
export async function timedSimulation(input: SimulationInput): Promise<TimedRun> {
  const watch = watchEventLoop();
  const cpu = process.cpuUsage();
  const started = performance.now();
  const result = await simulateWorkload(input, timeSlice(10));
  const wallMs = performance.now() - started;
  const used = process.cpuUsage(cpu);
  const cpuMs = (used.user + used.system) / 1000;
  return { wallMs, cpuMs, maxHoldMs: watch.stop(), detail: `${result.totalReviews.toLocaleString("en")} answers` };
}

/** The recommendation's sweep as the route runs it. */
export async function timedRecommendation(input: SimulationInput): Promise<TimedRun> {
  const watch = watchEventLoop();
  const cpu = process.cpuUsage();
  const started = performance.now();
  const found = await minimumRecommendedRetention(input, timeSlice(10));
  const wallMs = performance.now() - started;
  const used = process.cpuUsage(cpu);
  const cpuMs = (used.user + used.system) / 1000;
  return { wallMs, cpuMs, maxHoldMs: watch.stop(), detail: `${found.sweep.length} runs, ${Math.round(found.retention * 100)}%` };
}
