// One row of causal attention: mask the future (−∞ → e^−∞ = 0), then normalise to softmax weights.
import { drawUntil, separatesWrongMethods } from "../lib/grading/authoring";
import { defineExercise, type Misconception, type StepSpec, type StepValues } from "../lib/grading/exercise-definition";

/** `query` is 0-based; the prompt numbers positions from 1. */
type Params = { scores: number[]; query: number };

const pick = <T>(random: () => number, items: readonly T[]): T => items[Math.floor(random() * items.length)] as T;
const normalise = (v: readonly number[]): number[] => {
  const sum = v.reduce((s, x) => s + x, 0);
  return v.map((x) => x / sum);
};
const exps = (p: Params, visible: (j: number) => boolean, masked = 0): number[] => p.scores.map((s, j) => (visible(j) ? Math.exp(s) : masked));

const TOL = { mode: "relative", rel: 0.01, abs: 0.005 } as const;
const STEPS: StepSpec[] = [
  {
    key: "exponentials",
    label: "exp of each masked score (0 where masked)",
    answer: { shape: { vector: 5 } },
    tolerance: TOL,
    weight: 1,
    hint: "A masked score is −∞, and e^−∞ = 0. Position i may see positions 1..i.",
  },
  { key: "weights", label: "Softmax weights", answer: { shape: { vector: 5 } }, tolerance: TOL, weight: 1, hint: "Divide each exponential by their sum." },
];

function solve(p: Params): StepValues {
  const e = exps(p, (j) => j <= p.query);
  return { exponentials: e, weights: normalise(e) };
}

const MISCONCEPTIONS: Misconception<Params>[] = [
  {
    code: "mask-after-softmax",
    message:
      "You ran softmax over every position and then zeroed the future weights, so the row no longer sums to 1. Mask the scores first (−∞), then take the softmax.",
    answers: (p) => {
      const all = normalise(exps(p, () => true));
      return { exponentials: exps(p, () => true), weights: all.map((w, j) => (j <= p.query ? w : 0)) };
    },
  },
  {
    code: "upper-triangle",
    message: "You masked the past and kept the future. A causal mask hides positions after the query (j > i) and keeps j ≤ i.",
    answers: (p) => {
      const e = exps(p, (j) => j >= p.query);
      return { exponentials: e, weights: normalise(e) };
    },
  },
  {
    code: "zero-not-neg-inf",
    message: "You set the masked scores to 0 instead of −∞, so each still gets e^0 = 1 and a share of the weight. Masked scores must be −∞.",
    answers: (p) => {
      const e = exps(p, (j) => j <= p.query, 1);
      return { exponentials: e, weights: normalise(e) };
    },
  },
  {
    code: "off-by-one-position",
    message:
      "Positions here are numbered from 1, so the query at position i sees positions 1 … i. You read its number as a 0-based index and let it see one position more.",
    answers: (p) => {
      const e = exps(p, (j) => j <= p.query + 1);
      return { exponentials: e, weights: normalise(e) };
    },
  },
  {
    code: "no-mask",
    message: "You did not mask at all: the query attended to future positions. Positions after the query must get weight 0.",
    answers: (p) => {
      const e = exps(p, () => true);
      return { exponentials: e, weights: normalise(e) };
    },
  },
];

function draw(random: () => number): Params {
  return { scores: Array.from({ length: 5 }, () => pick(random, [-1, 0, 0.5, 1, 1.5, 2, 3])), query: pick(random, [1, 2, 3]) };
}

export default defineExercise<Params>({
  slug: "causal-mask-row",
  title: "Causal mask, then softmax, for one query",
  topic: "Attention",
  difficulty: "EASY",
  steps: STEPS,
  generate: (seed) => drawUntil(seed, draw, separatesWrongMethods(STEPS, solve, MISCONCEPTIONS)),
  prompt: (p) =>
    [
      `A decoder attends over a sequence of 5 positions. **Here positions are counted from 1** (1 to 5), not from 0 as in the course's other exercises. ` +
        `For the query at position ${p.query + 1} (counted from 1), the raw attention scores against positions 1–5 (counted from 1) are $[${p.scores.join(", ")}]$ (already scaled).`,
      "Apply the causal mask (a masked score becomes $-\\infty$), then the softmax.",
      "1. Give $e^{s_j}$ for every position after masking, as a list of 5 numbers: write 0 for a masked position, since $e^{-\\infty} = 0$. " +
        "Use the scores as given (do not subtract the maximum).",
      "2. Give the softmax weights as a list of 5 numbers.",
    ].join("\n\n"),
  inputs: (p) => ({ scores: p.scores, queryPosition: p.query + 1, positionsFrom: 1, sequenceLength: 5 }),
  solve,
  misconceptions: MISCONCEPTIONS,
});
