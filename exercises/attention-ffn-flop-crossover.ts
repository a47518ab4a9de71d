// Per-token FLOPs of attention's score-and-mix work (grows with context) against the
// FFN's fixed cost, and the context length where the two are equal.
import { drawUntil, separatesWrongMethods } from "../lib/grading/authoring";
import { defineExercise, type Misconception, type StepSpec, type StepValues } from "../lib/grading/exercise-definition";

export type FlopCrossoverParams = {
  dModel: number;
  heads: number;
  /** Keys the token attends to. */
  context: number;
};

const pick = <T>(random: () => number, options: readonly [T, ...T[]]): T => options[Math.floor(random() * options.length)] ?? options[0];

/**
 * Reference values for one token in one layer, forward pass, 2 FLOPs per multiply-add:
 * attention scores q·k over n keys (n·d multiply-adds across all heads) plus the weighted sum of
 * values (n·d) = 4·n·d; FFN d→4d→d = 8d² multiply-adds = 16d²; equal at n = 4d.
 */
export function solveFlopCrossover(p: FlopCrossoverParams): StepValues {
  const d = p.dModel;
  return { attentionFlops: 4 * p.context * d, ffnFlops: 16 * d * d, crossover: 4 * d };
}

const STEPS: StepSpec[] = [
  { key: "attentionFlops", label: "Attention score + mix FLOPs per token", answer: { shape: "scalar" }, tolerance: { mode: "relative", rel: 0.001 } },
  { key: "ffnFlops", label: "FFN FLOPs per token", answer: { shape: "scalar" }, tolerance: { mode: "relative", rel: 0.001 } },
  { key: "crossover", label: "Context length where they are equal", answer: { shape: "scalar" }, tolerance: { mode: "relative", rel: 0.001 } },
];

const MISCONCEPTIONS: Misconception<FlopCrossoverParams>[] = [
  {
    code: "scores-only",
    message: "The attention weights still multiply the values: the weighted sum costs as much as the scores, n·d multiply-adds more.",
    answers: (p) => ({ attentionFlops: 2 * p.context * p.dModel, crossover: 8 * p.dModel }),
  },
  {
    code: "one-head-only",
    message: "Each head works in d_head dimensions, but all heads run: together they cost n·d per product, not n·d_head.",
    answers: (p) => ({ attentionFlops: (4 * p.context * p.dModel) / p.heads, crossover: 4 * p.dModel * p.heads }),
  },
  {
    code: "ffn-one-matrix",
    message: "The FFN has two d×4d matrices (up and down), so 8d² multiply-adds = 16d² FLOPs per token.",
    answers: (p) => ({ ffnFlops: 8 * p.dModel ** 2, crossover: 2 * p.dModel }),
  },
  {
    code: "multiply-add-one-flop",
    answers: (p) => ({ attentionFlops: 2 * p.context * p.dModel, ffnFlops: 8 * p.dModel ** 2 }),
  },
];

function draw(random: () => number): FlopCrossoverParams {
  const dModel = pick(random, [512, 768, 1024, 2048, 4096]);
  return { dModel, heads: pick(random, [8, 16, 32]), context: pick(random, [512, 1024, 2048, 4096, 8192, 32768]) };
}

export default defineExercise<FlopCrossoverParams>({
  slug: "attention-ffn-flop-crossover",
  title: "When attention outgrows the FFN",
  topic: "Compute cost",
  difficulty: "MEDIUM",
  steps: STEPS,
  generate: (seed) => drawUntil(seed, draw, separatesWrongMethods(STEPS, solveFlopCrossover, MISCONCEPTIONS)),
  prompt: (p) =>
    [
      `A decoder layer has $d = ${p.dModel}$ split over **${p.heads} heads** ($d_{head} = ${p.dModel / p.heads}$) and a plain FFN with hidden width $4d$.`,
      `Consider one new token attending to a context of **n = ${p.context} keys**. Count forward-pass FLOPs for that one token in one layer, with **one multiply-add = 2 FLOPs**.`,
      "",
      "1. Attention's context-dependent work, summed over all heads: the scores $q \\cdot k_j$ for every key, plus the weighted sum of the value vectors. (Leave out the Q, K, V and output projections.)",
      "2. The FFN's work (both matrices).",
      "3. At what context length $n$ do the two counts become equal?",
    ].join("\n"),
  inputs: (p) => ({ dModel: p.dModel, heads: p.heads, dHead: p.dModel / p.heads, context: p.context }),
  solve: (p) => solveFlopCrossover(p),
  misconceptions: MISCONCEPTIONS,
});
