// Causal scaled dot-product attention for one head on 3 tokens: QKᵀ, ÷√d_head, masked softmax, weights·V.
import { drawUntil, separatesWrongMethods } from "../lib/grading/authoring";
import { defineExercise, type Misconception, type ReferenceOps, type StepSpec, type StepValues } from "../lib/grading/exercise-definition";

/** One head's Q, K, V: 3 tokens × d_head = 2. */
type Params = { q: number[][]; k: number[][]; v: number[][] };

const N = 3;
const D_HEAD = 2;
const N_HEADS = 4;
const D_MODEL = D_HEAD * N_HEADS;

const pick = <T>(random: () => number, items: readonly T[]): T => items[Math.floor(random() * items.length)] as T;
const range = (n: number): number[] => Array.from({ length: n }, (_, i) => i);
const at = (m: readonly (readonly number[])[], r: number, c: number): number => m[r]?.[c] ?? 0;
const scores = (p: Params): number[][] => range(N).map((i) => range(N).map((j) => range(D_HEAD).reduce((s, c) => s + at(p.q, i, c) * at(p.k, j, c), 0)));
const divide = (m: number[][], by: number): number[][] => m.map((row) => row.map((x) => x / by));
const times = (w: number[][], v: readonly (readonly number[])[]): number[][] =>
  w.map((row) => range(D_HEAD).map((c) => row.reduce((s, x, j) => s + x * at(v, j, c), 0)));
/** Which key j query i sees: the causal rule, or a mask family's. */
type Visible = (i: number, j: number) => boolean;
const CAUSAL: Visible = (i, j) => j <= i;
/** Softmax along each row over the keys `visible` keeps; `maskAfter` takes it over every key and zeroes the rest afterwards. */
const softmaxRows =
  (visible: Visible, maskAfter = false) =>
  (m: number[][]): number[][] =>
    m.map((row, i) => {
      const e = row.map((x, j) => (maskAfter || visible(i, j) ? Math.exp(x) : 0));
      const sum = e.reduce((s, x) => s + x, 0);
      return e.map((x, j) => (visible(i, j) ? x / sum : 0));
    });
const causalRows = softmaxRows(CAUSAL);
/** Softmax down each column over the visible queries i ≥ j (the wrong axis). */
const causalColumns = (m: number[][]): number[][] => {
  const e = m.map((row, i) => row.map((x, j) => (j <= i ? Math.exp(x) : 0)));
  const sums = range(N).map((j) => e.reduce((s, row) => s + (row[j] ?? 0), 0));
  return e.map((row) => row.map((x, j) => x / (sums[j] ?? 1)));
};
const pipeline = (p: Params, scale: number, softmax: (m: number[][]) => number[][]): StepValues => {
  const scaled = divide(scores(p), scale);
  const weights = softmax(scaled);
  return { scaled, weights, output: times(weights, p.v) };
};
const pad = (m: readonly (readonly number[])[], factor = 1): number[][] => m.map((row) => range(N).map((c) => (row[c] ?? 0) * factor));
const matrixTex = (m: readonly (readonly number[])[]): string => `\\begin{bmatrix} ${m.map((r) => r.join(" & ")).join(" \\\\ ")} \\end{bmatrix}`;

const TOL = { mode: "relative", rel: 0.01, abs: 0.005 } as const;
const STEPS: StepSpec[] = [
  { key: "scores", label: "Scores QKᵀ (all entries, before masking)", answer: { shape: { matrix: [N, N] } }, tolerance: TOL, weight: 1 },
  {
    key: "scaled",
    label: "Scaled scores QKᵀ/√d_head",
    answer: { shape: { matrix: [N, N] } },
    tolerance: TOL,
    weight: 1,
    hint: "Divide by the square root of the head dimension.",
  },
  {
    key: "weights",
    label: "Attention weights (causal softmax of each row)",
    answer: { shape: { matrix: [N, N] } },
    tolerance: TOL,
    weight: 1,
    hint: "Each row is one query: mask j > i, then softmax across that row.",
  },
  { key: "output", label: "Head output weights · V", answer: { shape: { matrix: [N, D_HEAD] } }, tolerance: TOL, weight: 2 },
];

/**
 * Runs the given Q, K, V through the reference causal attention: x = I₃ turns the projections into
 * Q, K, V themselves (padded to width 3 with zeros), and Q is pre-scaled by √(3/2) so the block's
 * 1/√3 becomes the head's 1/√2.
 */
function referenceAttention(p: Params, ops: ReferenceOps): { weights: number[][]; output: number[][] } {
  const identity = range(N).map((i) => range(N).map((j) => (i === j ? 1 : 0)));
  const result = ops.causalAttention(
    { dModel: N, nHeads: 1, nKvHeads: 1 },
    { wq: pad(p.q, Math.sqrt(N / D_HEAD)), wk: pad(p.k), wv: pad(p.v), wo: identity },
    identity,
  );
  return { weights: result.attentionWeights[0] ?? [], output: result.output.map((row) => row.slice(0, D_HEAD)) };
}

function solve(p: Params, ops: ReferenceOps): StepValues {
  return { scores: scores(p), scaled: divide(scores(p), Math.sqrt(D_HEAD)), ...referenceAttention(p, ops) };
}

/** A mask family: the scaled scores are right, the weights and output follow the family's visibility. */
const masked = (p: Params, softmax: (m: number[][]) => number[][]): Partial<StepValues> => {
  const { weights, output } = pipeline(p, Math.sqrt(D_HEAD), softmax);
  return { weights, output };
};

const MISCONCEPTIONS: Misconception<Params>[] = [
  {
    code: "scaled-by-dmodel",
    message: `You divided by √d_model = √${D_MODEL}. The scale uses the width of one head: √d_head = √${D_HEAD}.`,
    answers: (p) => pipeline(p, Math.sqrt(D_MODEL), causalRows),
  },
  { code: "no-scaling", answers: (p) => pipeline(p, 1, causalRows) },
  {
    code: "scaled-by-d",
    message: `You divided by d_head = ${D_HEAD}. The scale is 1/√d_head = 1/√${D_HEAD}.`,
    answers: (p) => pipeline(p, D_HEAD, causalRows),
  },
  {
    code: "softmax-wrong-axis",
    answers: (p) => masked(p, causalColumns),
  },
  { code: "mask-after-softmax", answers: (p) => masked(p, softmaxRows(CAUSAL, true)) },
  {
    code: "upper-triangle",
    answers: (p) =>
      masked(
        p,
        softmaxRows((i, j) => j >= i),
      ),
  },
  {
    code: "no-mask",
    answers: (p) =>
      masked(
        p,
        softmaxRows(() => true),
      ),
  },
];

function draw(random: () => number): Params {
  const matrix = (values: readonly number[]) => range(N).map(() => range(D_HEAD).map(() => pick(random, values)));
  return { q: matrix([-1, 0, 1, 2]), k: matrix([-1, 0, 1, 2]), v: matrix([-2, -1, 0, 1, 2, 3]) };
}

export default defineExercise<Params>({
  slug: "scaled-dot-product-attention",
  title: "Scaled dot-product attention on tiny Q, K, V",
  topic: "Attention",
  difficulty: "HARD",
  steps: STEPS,
  generate: (seed) => drawUntil(seed, draw, separatesWrongMethods(STEPS, solve, MISCONCEPTIONS)),
  prompt: (p) =>
    [
      `A model has $d_\\text{model} = ${D_MODEL}$ split over ${N_HEADS} heads, so $d_\\text{head} = ${D_HEAD}$. ` +
        `For one head and a sequence of ${N} tokens (one row per token), the projections are`,
      `$Q = ${matrixTex(p.q)}$, $K = ${matrixTex(p.k)}$, $V = ${matrixTex(p.v)}$.`,
      "The attention is causal: token $i$ may attend to tokens $j \\le i$.",
      "1. The raw scores $QK^\\top$ as a 3×3 matrix (every entry, before masking).",
      "2. The scaled scores $QK^\\top/\\sqrt{d_\\text{head}}$.",
      "3. The attention weights: mask $j > i$ with $-\\infty$, softmax each row (masked entries are 0).",
      "4. The head output, weights × V, as a 3×2 matrix.",
      "Type matrices row by row, e.g. `[[1, 0, 0], [0.5, 0.5, 0], [0.2, 0.3, 0.5]]`.",
    ].join("\n\n"),
  inputs: (p) => ({ Q: p.q, K: p.k, V: p.v, dModel: D_MODEL, nHeads: N_HEADS, dHead: D_HEAD, causal: true }),
  solve,
  misconceptions: MISCONCEPTIONS,
});
