// The one adapter to @open-spaced-repetition/binding (fsrs-rs for Node). Its
// quirks stay here:
// - it trains on items, not cards: an item is a card's history up to one
//   review, and only that last review is a training target. Like the
//   library's own CSV converter we emit one item per review after the first
//   whose delta_t is at least a day (same-day steps are history, not targets).
// - with too little data it silently returns the default weights rather than
//   failing, so callers gate on a minimum first.
// - every review of every item is a native object: 25k reviews make ≈350k of
//   them, and building them (plus the GC pauses they cause) held the event
//   loop for 40–100 ms at a time. So the items are built and fitted in a
//   worker thread (fit-worker-source.ts); this thread only packs numbers.
import { Worker } from "node:worker_threads";
import { AppError } from "../errors/app-error";
import { FSRS6_WEIGHT_COUNT } from "../scheduling";
import { FIT_WORKER_SOURCE, TIME_SERIES_PARTS, type FitMetrics, type FitWorkerData, type FitWorkerReply } from "./fit-worker-source";
import type { CardHistory } from "./review-history";

/** Our ts-fsrs scheduler uses one relearning step (10m) and short-term scheduling; the fit must assume the same. */
const FIT_OPTIONS = { enableShortTerm: true, numRelearningSteps: 1 } as const;
/** A fit of 120k reviews takes ≈2 s here; far beyond that something is wrong. */
const FIT_TIMEOUT_MS = 120_000;

/** The training set as flat arrays: item `i` is reviews `bounds[2i]` … `bounds[2i+1]` (exclusive) of `ratings`/`deltas`. */
export type PackedTrainingSet = { ratings: Uint8Array; deltas: Int32Array; bounds: Int32Array };

/**
 * Packs `cards` into the items the optimizer trains on (see the rule above),
 * in the time order of each item's last review: the binding's time-series
 * evaluation fits on the items before a point and measures on those after it,
 * so the order must be the order in which the reviews happened.
 */
export function packTrainingSet(cards: readonly CardHistory[]): PackedTrainingSet {
  const total = cards.reduce((n, c) => n + c.reviews.length, 0);
  const ratings = new Uint8Array(total);
  const deltas = new Int32Array(total);
  const items: { at: number; start: number; end: number }[] = [];
  let offset = 0;
  for (const card of cards) {
    card.reviews.forEach((review, i) => {
      ratings[offset + i] = review.rating;
      deltas[offset + i] = review.deltaDays;
      if (i > 0 && review.deltaDays >= 1) items.push({ at: review.reviewedAt, start: offset, end: offset + i + 1 });
    });
    offset += card.reviews.length;
  }
  items.sort((a, b) => a.at - b.at);
  const bounds = new Int32Array(items.length * 2);
  items.forEach((item, i) => {
    bounds[2 * i] = item.start;
    bounds[2 * i + 1] = item.end;
  });
  return { ratings, deltas, bounds };
}

/** How many items {@link packTrainingSet} would make: reviews after a card's first that come a day or more later. */
export function trainingItemCount(cards: readonly CardHistory[]): number {
  let count = 0;
  for (const card of cards) count += card.reviews.filter((review, i) => i > 0 && review.deltaDays >= 1).length;
  return count;
}

/** The items of {@link packTrainingSet} as plain sequences, for tests. */
export function trainingSequences(cards: readonly CardHistory[]): { rating: number; deltaT: number }[][] {
  const { ratings, deltas, bounds } = packTrainingSet(cards);
  const sequences: { rating: number; deltaT: number }[][] = [];
  for (let i = 0; i < bounds.length; i += 2) {
    const sequence: { rating: number; deltaT: number }[] = [];
    for (let j = bounds[i] ?? 0; j < (bounds[i + 1] ?? 0); j += 1) sequence.push({ rating: ratings[j] ?? 0, deltaT: deltas[j] ?? 0 });
    sequences.push(sequence);
  }
  return sequences;
}

let fitting = false;

/** New weights and how they and the weights in use predict the user's later reviews. */
export type FitOutcome = { weights: number[]; before: FitMetrics; after: FitMetrics; itemCount: number };

/**
 * Fewest training items we fit and measure: the time-series evaluation fits on
 * the first sixth alone, and fsrs-rs refuses (NotEnoughData) to fit on fewer
 * than a handful of items (measured: 24 items fail, 36 pass); 60 leaves the
 * first fold 10. A learner reaches it with the 400 reviews asked for anyway.
 */
export const MIN_TRAINING_ITEMS = 10 * TIME_SERIES_PARTS;

/**
 * Fits FSRS-6 weights to `cards` (histories in study days) in a worker
 * thread and measures them against `currentWeights` ([] = the FSRS-6
 * defaults) on the later reviews (see fit-worker-source.ts). The weights are
 * 21 finite numbers and the metrics finite; anything else rejects with an
 * `Error`, so bad weights never reach a user's settings. One fit at a time
 * per process (each takes the cores for up to a few seconds): a second caller
 * gets `AppError("RATE_LIMITED")`. Precondition: at least
 * {@link MIN_TRAINING_ITEMS} training items.
 */
export async function fitFsrsWeights(cards: readonly CardHistory[], currentWeights: readonly number[]): Promise<FitOutcome> {
  if (fitting) throw new AppError("RATE_LIMITED", "Another fit is running on the server. Try again in a few seconds.");
  fitting = true;
  try {
    const packed = packTrainingSet(cards);
    const reply = await runFitWorker({ ...packed, currentWeights: [...currentWeights], options: FIT_OPTIONS }).catch((error: unknown) => {
      if (error instanceof Error && error.message.includes("NotEnoughData")) {
        throw new AppError("VALIDATION", "Too few cards have been reviewed again on a later day to fit and measure new parameters yet.");
      }
      throw error;
    });
    return {
      weights: validWeights(reply.weights),
      before: finiteMetrics(reply.before),
      after: finiteMetrics(reply.after),
      itemCount: packed.bounds.length / 2,
    };
  } finally {
    fitting = false;
  }
}

function finiteMetrics(metrics: FitMetrics): FitMetrics {
  if (!Number.isFinite(metrics.logLoss) || !Number.isFinite(metrics.rmse)) throw new Error("FSRS evaluation returned a non-finite metric");
  return metrics;
}

function runFitWorker(data: FitWorkerData): Promise<Extract<FitWorkerReply, { weights: number[] }>> {
  return new Promise((resolve, reject) => {
    // Eval'd source, resolved from the working directory: bundlers leave it alone.
    const worker = new Worker(FIT_WORKER_SOURCE, { eval: true, workerData: data });
    const timer = setTimeout(() => void worker.terminate(), FIT_TIMEOUT_MS);
    const settle = (outcome: () => void) => {
      clearTimeout(timer);
      outcome();
      void worker.terminate();
    };
    worker.once("message", (reply: FitWorkerReply) =>
      settle(() => ("weights" in reply ? resolve(reply) : reject(new Error(`FSRS optimizer failed: ${reply.error}`)))),
    );
    worker.once("error", (error) => settle(() => reject(error)));
    worker.once("exit", (code) => settle(() => reject(new Error(`FSRS optimizer worker stopped (exit code ${code})`))));
  });
}

/** `weights` unchanged when it is 21 finite numbers; throws an `Error` naming the problem otherwise. */
export function validWeights(weights: unknown): number[] {
  if (!Array.isArray(weights) || weights.length !== FSRS6_WEIGHT_COUNT) {
    throw new Error(`FSRS optimizer returned ${Array.isArray(weights) ? weights.length : typeof weights} weights, expected ${FSRS6_WEIGHT_COUNT}`);
  }
  const finite = weights.filter((w): w is number => typeof w === "number" && Number.isFinite(w));
  if (finite.length !== weights.length) throw new Error("FSRS optimizer returned a non-finite weight");
  return finite;
}
