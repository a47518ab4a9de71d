// The minimum recommended retention: the desired retention at which a year of
// study costs the least time per card known at its end. Below it, forgotten
// cards cost more relearning than the longer intervals save; above it, extra
// reviews buy little extra knowledge. Pure and seeded, like the simulator.
import { seededRandom } from "../reference/seeded-random";
import { simulateWorkload, type Pause, type SimulationInput } from "./simulate-workload";

/** Retentions tried first; the best is then refined ±0.01 and ±0.02. */
const COARSE = [0.7, 0.75, 0.8, 0.85, 0.9, 0.95];
/** The range searched: the scheduler's lowest retention up to where reviews explode. */
const LOWEST = 0.7;
const HIGHEST = 0.97;
/** Cards simulated per retention: a sample keeps the dozen runs cheap; the ratio barely moves with size. */
export const SWEEP_SAMPLE_CARDS = 1000;
/** Most runs per retention for a small collection: each with its own seed, pooled, so a few hundred cards' luck does not decide. */
const MAX_REPEATS = 4;

/** One tried retention and its cost: seconds of study per card known at the end. */
export type SweepPoint = { retention: number; secondsPerCardKnown: number };

export type RecommendedRetention = { retention: number; sweep: SweepPoint[]; sampleCards: number };

/**
 * At most `limit` cards of `input` chosen by `seed` (seen cards and unseen
 * cards in proportion), with the new cards per day scaled to match; `input`
 * itself when it is that small.
 */
export function sampleInput(input: SimulationInput, limit: number): SimulationInput {
  const total = input.cards.length + input.newCards;
  if (total <= limit) return input;
  const share = limit / total;
  const random = seededRandom(input.seed ^ 0x5eed);
  return {
    ...input,
    cards: input.cards.filter(() => random() < share),
    newCards: Math.round(input.newCards * share),
    newCardsPerDay: input.newCardsPerDay * share,
  };
}

const round2 = (x: number) => Math.round(x * 100) / 100;

/**
 * Simulates `input` (sampled to {@link SWEEP_SAMPLE_CARDS}; a smaller
 * collection is run up to {@link MAX_REPEATS} times with successive seeds and
 * pooled) at each coarse retention, then around the best, every retention with
 * the same seeds so they differ only by retention; returns the cheapest (ties: the lower retention) and
 * every point tried, in retention order. A run that ends knowing nothing costs
 * Infinity.
 */
export async function minimumRecommendedRetention(input: SimulationInput, pause: Pause = () => undefined): Promise<RecommendedRetention> {
  const sample = sampleInput(input, SWEEP_SAMPLE_CARDS);
  const size = Math.max(1, sample.cards.length + sample.newCards);
  const repeats = Math.min(MAX_REPEATS, Math.max(1, Math.floor(SWEEP_SAMPLE_CARDS / size)));
  const tried = new Map<number, number>();
  const cost = async (retention: number) => {
    if (tried.has(retention)) return;
    let seconds = 0;
    let knowledge = 0;
    for (let k = 0; k < repeats; k += 1) {
      const result = await simulateWorkload({ ...sample, seed: sample.seed + k, settings: { ...sample.settings, desiredRetention: retention } }, pause);
      seconds += result.totalSeconds;
      knowledge += result.knowledgeEnd;
    }
    tried.set(retention, knowledge > 0 ? seconds / knowledge : Infinity);
  };
  const best = () => [...tried.entries()].sort((a, b) => a[1] - b[1] || a[0] - b[0])[0]?.[0] ?? LOWEST;
  for (const retention of COARSE) await cost(retention);
  const centre = best();
  for (const step of [-0.02, -0.01, 0.01, 0.02]) {
    const retention = round2(centre + step);
    if (retention >= LOWEST && retention <= HIGHEST) await cost(retention);
  }
  const sweep = [...tried.entries()].sort((a, b) => a[0] - b[0]).map(([retention, secondsPerCardKnown]) => ({ retention, secondsPerCardKnown }));
  return { retention: best(), sweep, sampleCards: sample.cards.length + sample.newCards };
}
