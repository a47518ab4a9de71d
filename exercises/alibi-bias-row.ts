// ALiBi: a head's slope m = 2^(−8h/H) and the linear distance penalty −m·(i − j)
// it adds to one query's attention scores over its six most recent keys.
import { defineExercise, type StepValues } from "../lib/grading/exercise-definition";
import { seededRandom } from "../lib/reference/seeded-random";

/** Keys asked about: the query's own position and the ROW_LEN − 1 before it. */
export const ROW_LEN = 6;

export type AlibiParams = {
  heads: number;
  /** 1-based head number, chosen so the slope is at least 1/64. */
  head: number;
  /** 0-based query position, ≥ ROW_LEN − 1 so every asked key exists. */
  query: number;
};

const pick = <T>(random: () => number, options: readonly [T, ...T[]]): T => options[Math.floor(random() * options.length)] ?? options[0];
const between = (random: () => number, lo: number, hi: number): number => lo + Math.floor(random() * (hi - lo + 1));

/** Key positions j = query − ROW_LEN + 1 … query, in increasing order. */
export const keyPositions = (p: AlibiParams): number[] => Array.from({ length: ROW_LEN }, (_, r) => p.query - ROW_LEN + 1 + r);

/** The ALiBi slope of 1-based head `head` of `heads`: 2^(−8·head/heads). */
export const alibiSlope = (head: number, heads: number): number => 2 ** ((-8 * head) / heads);

/** Reference: slope m, and the bias −m·(i − j) for each asked key j (0 at j = i, more negative further back). */
export function solveAlibi(p: AlibiParams): StepValues {
  const m = alibiSlope(p.head, p.heads);
  return { slope: m, biasRow: keyPositions(p).map((j) => -m * (p.query - j)) };
}

export default defineExercise<AlibiParams>({
  slug: "alibi-bias-row",
  title: "ALiBi bias for one query",
  topic: "Positional encoding",
  difficulty: "EASY",
  steps: [
    { key: "slope", label: "Slope m of this head", answer: { shape: "scalar" }, tolerance: { mode: "relative", rel: 0.005 } },
    { key: "biasRow", label: "Bias added to each score", answer: { shape: { vector: ROW_LEN } }, tolerance: { mode: "relative", rel: 0.01, abs: 0.001 } },
  ],
  generate: (seed) => {
    const random = seededRandom(seed);
    const heads = pick(random, [4, 8, 16]);
    return { heads, head: between(random, 1, (6 * heads) / 8), query: between(random, ROW_LEN - 1, 20) };
  },
  prompt: (p) => {
    const keys = keyPositions(p);
    return [
      `A causal decoder uses ALiBi with **${p.heads} heads**, numbered $h = 1 … ${p.heads}$. Head $h$ has slope $m = 2^{-8h/${p.heads}}$ and adds $-m\\,(i - j)$ to the score of query $i$ on key $j \\le i$ (positions 0-based).`,
      `Take head $h = ${p.head}$ and the query at position $i = ${p.query}$.`,
      "",
      "1. What is the slope $m$?",
      `2. What bias is added to the scores on keys $j = ${keys[0]} … ${keys[keys.length - 1]}$? Answer as a list in that order (${ROW_LEN} values).`,
    ].join("\n");
  },
  inputs: (p) => ({ heads: p.heads, head: p.head, query: p.query, keys: keyPositions(p), positionsFrom: 0 }),
  solve: (p) => solveAlibi(p),
  misconceptions: [
    {
      code: "positive-bias",
      message: "ALiBi is a penalty: distant keys get a negative bias, −m·(i − j), so they score lower.",
      answers: (p) => {
        const m = alibiSlope(p.head, p.heads);
        return { biasRow: keyPositions(p).map((j) => m * (p.query - j)) };
      },
    },
    {
      code: "absolute-position",
      message: "The bias depends on the distance i − j between query and key, not on the key's own position.",
      answers: (p) => {
        const m = alibiSlope(p.head, p.heads);
        return { biasRow: keyPositions(p).map((j) => -m * j) };
      },
    },
    {
      code: "wrong-slope",
      message: "Heads are numbered from 1, so the first head's slope is 2^(−8/H), not 1.",
      answers: (p) => {
        const m = alibiSlope(p.head - 1, p.heads);
        return { slope: m, biasRow: keyPositions(p).map((j) => -m * (p.query - j)) };
      },
    },
  ],
});
