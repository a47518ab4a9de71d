// An attention head's output for one query: normalise the weights, then take the weighted sum of value rows.
import { drawUntil, separatesWrongMethods } from "../lib/grading/authoring";
import { defineExercise, type Misconception, type StepSpec, type StepValues } from "../lib/grading/exercise-definition";

/** `raw`: un-normalised weights e^{s_j}; `keys` and `values`: one row per position, d = 3. */
type Params = { raw: number[]; keys: number[][]; values: number[][] };

const pick = <T>(random: () => number, items: readonly T[]): T => items[Math.floor(random() * items.length)] as T;
const normalise = (v: readonly number[]): number[] => {
  const sum = v.reduce((s, x) => s + x, 0);
  return v.map((x) => x / sum);
};
const weightedRows = (w: readonly number[], rows: readonly (readonly number[])[]): number[] =>
  [0, 1, 2].map((c) => rows.reduce((s, row, j) => s + (w[j] ?? 0) * (row[c] ?? 0), 0));
const transpose = (m: readonly (readonly number[])[]): number[][] => [0, 1, 2].map((c) => m.map((row) => row[c] ?? 0));
const matrixTex = (m: readonly (readonly number[])[]): string => `\\begin{bmatrix} ${m.map((r) => r.join(" & ")).join(" \\\\ ")} \\end{bmatrix}`;

const TOL = { mode: "relative", rel: 0.01, abs: 0.005 } as const;
const STEPS: StepSpec[] = [
  {
    key: "weights",
    label: "Normalised attention weights",
    answer: { shape: { vector: 3 } },
    tolerance: TOL,
    weight: 1,
    hint: "Divide each weight by their sum.",
  },
  {
    key: "output",
    label: "Head output Σ_j w_j v_j",
    answer: { shape: { vector: 3 } },
    tolerance: TOL,
    weight: 2,
    hint: "Weight each row of V (one row per position) and add the rows.",
  },
];

function solve(p: Params): StepValues {
  const w = normalise(p.raw);
  return { weights: w, output: weightedRows(w, p.values) };
}

const MISCONCEPTIONS: Misconception<Params>[] = [
  {
    code: "weighted-keys",
    message: "You averaged the key rows. Keys only decide the weights; the output is the weighted sum of the value rows.",
    answers: (p) => ({ output: weightedRows(normalise(p.raw), p.keys) }),
  },
  {
    code: "unnormalised-weights",
    message: "You used the weights before normalising them. Softmax weights sum to 1: divide each by their sum first.",
    answers: (p) => ({ weights: p.raw, output: weightedRows(p.raw, p.values) }),
  },
  {
    code: "transposed-v",
    message: "You weighted the columns of V instead of its rows. Each row of V is one position's value vector; weight j multiplies row j.",
    answers: (p) => ({ output: weightedRows(normalise(p.raw), transpose(p.values)) }),
  },
];

function draw(random: () => number): Params {
  const matrix = () => Array.from({ length: 3 }, () => Array.from({ length: 3 }, () => pick(random, [-2, -1, 0, 1, 2, 3])));
  return { raw: Array.from({ length: 3 }, () => pick(random, [1, 2, 3, 4, 5])), keys: matrix(), values: matrix() };
}

const friendlySum = (raw: readonly number[]): boolean => [4, 5, 8, 10].includes(raw.reduce((s, x) => s + x, 0));

export default defineExercise<Params>({
  slug: "attention-head-output",
  title: "Attention head output as a weighted sum of values",
  topic: "Attention",
  difficulty: "EASY",
  steps: STEPS,
  generate: (seed) => drawUntil(seed, draw, (p) => friendlySum(p.raw) && separatesWrongMethods(STEPS, solve, MISCONCEPTIONS)(p)),
  prompt: (p) =>
    [
      `One query attends over 3 positions. Its un-normalised attention weights (the exponentiated scores $e^{s_j}$) are $[${p.raw.join(", ")}]$.`,
      `The head's keys and values, one row per position in the order of the weights, are $K = ${matrixTex(p.keys)}$ and $V = ${matrixTex(p.values)}$.`,
      "1. Normalise the weights so they sum to 1 (list of 3 numbers).",
      "2. Give the head's output for this query (list of 3 numbers).",
    ].join("\n\n"),
  inputs: (p) => ({ unnormalisedWeights: p.raw, K: p.keys, V: p.values }),
  solve,
  misconceptions: MISCONCEPTIONS,
});
