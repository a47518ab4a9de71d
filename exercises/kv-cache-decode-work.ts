// Work the KV cache saves during decoding: how many token positions need their
// K and V projected at one step and over a whole generation, with and without the cache.
import { defineExercise, type StepValues } from "../lib/grading/exercise-definition";
import { seededRandom } from "../lib/reference/seeded-random";

export type DecodeWorkParams = {
  /** Prompt tokens at positions 0 … promptLen − 1, already processed by prefill. */
  promptLen: number;
  /** Decode steps; step s processes position promptLen + s. */
  newTokens: number;
  /** One decode position, promptLen ≤ position < promptLen + newTokens. */
  position: number;
};

const between = (random: () => number, lo: number, hi: number): number => lo + Math.floor(random() * (hi - lo + 1));

/** Σ (t + 1) over decode positions t = P … P + n − 1: every step re-projects the whole prefix and itself. */
const uncachedTotal = (p: DecodeWorkParams): number => p.newTokens * p.promptLen + (p.newTokens * (p.newTokens + 1)) / 2;

/**
 * Reference values, counting K/V projections per layer in token positions (one position = its key
 * and its value): the uncached step at `position` (t + 1 positions), the uncached total over all
 * decode steps, the cached total (one per step), and their ratio P + (n + 1)/2.
 */
export function solveDecodeWork(p: DecodeWorkParams): StepValues {
  const without = uncachedTotal(p);
  return { stepWithout: p.position + 1, totalWithout: without, totalWith: p.newTokens, ratio: without / p.newTokens };
}

const COUNT = { mode: "relative", rel: 0, abs: 0.5 } as const;

export default defineExercise<DecodeWorkParams>({
  slug: "kv-cache-decode-work",
  title: "Decode work saved by the KV cache",
  topic: "KV cache",
  difficulty: "MEDIUM",
  steps: [
    { key: "stepWithout", label: "Positions projected at the given step, no cache", answer: { shape: "scalar" }, tolerance: COUNT },
    { key: "totalWithout", label: "Positions projected over all decode steps, no cache", answer: { shape: "scalar" }, tolerance: COUNT },
    { key: "totalWith", label: "Positions projected over all decode steps, with cache", answer: { shape: "scalar" }, tolerance: COUNT },
    { key: "ratio", label: "Work without cache ÷ work with cache", answer: { shape: "scalar" }, tolerance: { mode: "relative", rel: 0.001 } },
  ],
  generate: (seed) => {
    const random = seededRandom(seed);
    const promptLen = between(random, 4, 20);
    const newTokens = between(random, 5, 20);
    return { promptLen, newTokens, position: promptLen + between(random, 0, newTokens - 1) };
  },
  prompt: (p) =>
    [
      `A decoder has processed a prompt of **${p.promptLen} tokens** (positions $0$ to $${p.promptLen - 1}$, 0-based) in one prefill pass.`,
      `It now generates **${p.newTokens} new tokens**, one decode step each: the step that produces a new token runs the model on positions up to the newest one, so decode steps process positions $${p.promptLen}$ to $${p.promptLen + p.newTokens - 1}$.`,
      "",
      "Count work in one layer as **token positions whose key and value are projected** (a position's K and V together count as 1). Do not count the prefill: it is the same work with or without a cache.",
      "Without a cache every decode step re-runs the whole sequence so far; with a cache only the newest position is projected.",
      "",
      `1. Without a cache, how many positions are projected at the step that processes position $t = ${p.position}$?`,
      "2. Without a cache, how many in total over all the decode steps?",
      "3. With a cache, how many in total over all the decode steps?",
      "4. How many times more projection work is done without the cache (answer 2 ÷ answer 3)?",
    ].join("\n"),
  inputs: (p) => ({ ...p, positionsFrom: 0 }),
  solve: (p) => solveDecodeWork(p),
  misconceptions: [
    {
      code: "off-by-one-position",
      message: "Positions are 0-based, so the step at position t sees t + 1 positions (0 … t), itself included.",
      answers: (p) => {
        const without = uncachedTotal(p) - p.newTokens;
        return { stepWithout: p.position, totalWithout: without, ratio: without / p.newTokens };
      },
    },
    {
      code: "counted-quadratic-as-linear",
      message: "You counted only the last step. Without a cache every step redoes its whole prefix, so the work sums to roughly n·P + n²/2.",
      answers: (p) => {
        const without = p.promptLen + p.newTokens;
        return { totalWithout: without, ratio: without / p.newTokens };
      },
    },
    {
      code: "final-length-every-step",
      message: "Early steps see shorter sequences: step t projects t + 1 positions, not the final length every time.",
      answers: (p) => {
        const without = p.newTokens * (p.promptLen + p.newTokens);
        return { totalWithout: without, ratio: without / p.newTokens };
      },
    },
    {
      code: "counted-prefill-with-cache",
      message: "The prefill is excluded from both counts; with a cache each decode step projects just one new position.",
      answers: (p) => {
        const withCache = p.promptLen + p.newTokens;
        return { totalWith: withCache, ratio: uncachedTotal(p) / withCache };
      },
    },
  ],
});
