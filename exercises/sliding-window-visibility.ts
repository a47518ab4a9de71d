// Which keys one query may attend to under causal sliding-window attention,
// as a 0/1 row over a fixed 8-token sequence, plus the first visible key and the count.
import { defineExercise, type StepValues } from "../lib/grading/exercise-definition";
import { seededRandom } from "../lib/reference/seeded-random";

/** Sequence length; fixed so the answer row always has this many entries. */
export const SEQ_LEN = 8;

export type SlidingWindowParams = {
  /** Positions a query sees, itself included. 2 ≤ window ≤ 5. */
  window: number;
  /** 0-based query position, window ≤ query ≤ SEQ_LEN − 2 (so earlier and later keys both exist outside the window). */
  query: number;
};

const between = (random: () => number, lo: number, hi: number): number => lo + Math.floor(random() * (hi - lo + 1));

/** 1 where `visible(j)` holds for key j = 0 … SEQ_LEN − 1, else 0. */
const row = (visible: (j: number) => boolean): number[] => Array.from({ length: SEQ_LEN }, (_, j) => (visible(j) ? 1 : 0));

const sum = (values: readonly number[]): number => values.reduce((a, b) => a + b, 0);

/** Reference: key j is visible iff query − window < j ≤ query (causal, the query itself counts). */
export function solveSlidingWindow(p: SlidingWindowParams): StepValues {
  const mask = row((j) => j <= p.query && j > p.query - p.window);
  return { mask, firstVisible: Math.max(0, p.query - p.window + 1), count: sum(mask) };
}

const EXACT = { mode: "relative", rel: 0, abs: 0.5 } as const;

export default defineExercise<SlidingWindowParams>({
  slug: "sliding-window-visibility",
  title: "Sliding-window attention: what a query sees",
  topic: "Attention masks",
  difficulty: "EASY",
  steps: [
    { key: "mask", label: "Visibility row (1 = may attend)", answer: { shape: { vector: SEQ_LEN } }, tolerance: EXACT },
    { key: "firstVisible", label: "Earliest visible position", answer: { shape: "scalar" }, tolerance: EXACT },
    { key: "count", label: "Number of visible positions", answer: { shape: "scalar" }, tolerance: EXACT },
  ],
  generate: (seed) => {
    const random = seededRandom(seed);
    const window = between(random, 2, 5);
    return { window, query: between(random, window, SEQ_LEN - 2) };
  },
  prompt: (p) =>
    [
      `A decoder uses **causal sliding-window attention** with window $w = ${p.window}$ over a sequence of ${SEQ_LEN} tokens at positions $0 … ${SEQ_LEN - 1}$ (0-based).`,
      "A window of $w$ means a query sees **$w$ positions in all, itself included**: the most recent $w$ tokens up to and including its own position, never a later one.",
      "",
      `Take the query at position $i = ${p.query}$.`,
      "",
      `1. Write its visibility row over keys $j = 0 … ${SEQ_LEN - 1}$: 1 if it may attend to key $j$, 0 if not, e.g. \`[0, 1, 1, 0, 0, 0, 0, 0]\`.`,
      "2. What is the earliest position it sees?",
      "3. How many positions does it see?",
    ].join("\n"),
  inputs: (p) => ({ seqLen: SEQ_LEN, window: p.window, query: p.query, positionsFrom: 0 }),
  solve: (p) => solveSlidingWindow(p),
  misconceptions: [
    {
      code: "window-includes-future",
      message: "The window is not centred on the query: all w positions end at the query, none lie after it.",
      answers: (p) => {
        const before = Math.floor((p.window - 1) / 2);
        const after = p.window - 1 - before;
        return { mask: row((j) => j >= p.query - before && j <= p.query + after), firstVisible: p.query - before };
      },
    },
    {
      code: "off-by-one-window",
      message: "The window counts the query itself: it sees i − w + 1 … i, which is w positions, not w + 1.",
      answers: (p) => {
        const mask = row((j) => j <= p.query && j >= p.query - p.window);
        return { mask, firstVisible: p.query - p.window, count: sum(mask) };
      },
    },
    {
      code: "ignored-causal",
      message: "The window is applied on top of the causal mask: keys after the query stay hidden.",
      answers: (p) => {
        const mask = row((j) => Math.abs(j - p.query) < p.window);
        return { mask, count: sum(mask) };
      },
    },
  ],
});
