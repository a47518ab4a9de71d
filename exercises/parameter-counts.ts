// Weight counts of one transformer block: attention 4d², a 4×-expansion FFN 8d²,
// and the SwiGLU hidden width (8/3·d) that keeps the FFN count unchanged.
import { defineExercise, type StepValues } from "../lib/grading/exercise-definition";
import { seededRandom } from "../lib/reference/seeded-random";

export type ParameterCountParams = {
  dModel: number;
  /** The SwiGLU width a real model uses: 8/3·d rounded up to a multiple of 256. */
  swigluWidth: number;
};

const pick = <T>(random: () => number, options: readonly [T, ...T[]]): T => options[Math.floor(random() * options.length)] ?? options[0];

/** 8/3·d rounded up to a multiple of 256, as LLaMA-style models size their SwiGLU hidden layer. */
export const roundedSwigluWidth = (dModel: number): number => Math.ceil((8 * dModel) / 3 / 256) * 256;

/**
 * Reference counts (weights only, no biases or norm gains): attention Q, K, V, O = 4d²; FFN
 * d→4d→d = 8d²; block = 12d²; SwiGLU hidden width with the FFN's count, 3·d·h = 8d² ⇒ h = 8d/3;
 * SwiGLU weights at the model's actual width = 3·d·h.
 */
export function solveParameterCounts(p: ParameterCountParams): StepValues {
  const d = p.dModel;
  return {
    attention: 4 * d * d,
    ffn: 8 * d * d,
    block: 12 * d * d,
    swigluHidden: (8 * d) / 3,
    swigluParams: 3 * d * p.swigluWidth,
  };
}

const COUNT = { mode: "relative", rel: 0, abs: 0.5 } as const;

export default defineExercise<ParameterCountParams>({
  slug: "parameter-counts",
  title: "Parameter counts of a transformer block",
  topic: "Transformer block",
  difficulty: "EASY",
  steps: [
    { key: "attention", label: "Attention weights (Q, K, V, O)", answer: { shape: "scalar" }, tolerance: COUNT },
    { key: "ffn", label: "FFN weights (4× expansion)", answer: { shape: "scalar" }, tolerance: COUNT },
    { key: "block", label: "Weights per block", answer: { shape: "scalar" }, tolerance: COUNT },
    { key: "swigluHidden", label: "SwiGLU hidden width with the same count", answer: { shape: "scalar" }, tolerance: { mode: "relative", rel: 0.002 } },
    { key: "swigluParams", label: "SwiGLU weights at the model's width", answer: { shape: "scalar" }, tolerance: COUNT },
  ],
  generate: (seed) => {
    const dModel = pick(seededRandom(seed), [768, 1024, 2048, 2560, 3072, 4096, 5120]);
    return { dModel, swigluWidth: roundedSwigluWidth(dModel) };
  },
  prompt: (p) =>
    [
      `A transformer block has model width $d = ${p.dModel}$ and multi-head attention whose heads together span $d$ (heads × $d_{head}$ = $d$).`,
      "Count **weights only**: no biases, no norm gains, no embeddings.",
      "",
      "1. How many weights do the attention projections have (queries, keys, values and the output projection)?",
      `2. How many weights does a plain FFN with hidden width $4d = ${4 * p.dModel}$ have (up-projection and down-projection)?`,
      "3. How many weights does the whole block have (attention + FFN)?",
      "4. A SwiGLU FFN has three matrices: gate $d \\times h$, up $d \\times h$ and down $h \\times d$. What hidden width $h$ gives it exactly the plain FFN's weight count? (A fraction or a decimal is fine.)",
      `5. Models round that width up; this one uses $h = ${p.swigluWidth}$. How many weights does its SwiGLU FFN have?`,
    ].join("\n"),
  inputs: (p) => ({ dModel: p.dModel, swigluWidth: p.swigluWidth }),
  solve: (p) => solveParameterCounts(p),
  misconceptions: [
    {
      code: "ffn-as-4d2",
      message: "The FFN has two matrices, d×4d up and 4d×d down, so 8d² weights, not 4d².",
      answers: (p) => ({ ffn: 4 * p.dModel ** 2, block: 8 * p.dModel ** 2 }),
    },
    {
      code: "attention-3d2",
      message: "Attention has four d×d matrices: queries, keys, values and the output projection that mixes the heads back to d.",
      answers: (p) => ({ attention: 3 * p.dModel ** 2, block: 11 * p.dModel ** 2 }),
    },
    {
      code: "swiglu-two-matrices",
      message: "SwiGLU has three matrices (gate, up, down), so 3·d·h = 8d² gives h = 8d/3, not 4d.",
      answers: (p) => ({ swigluHidden: 4 * p.dModel, swigluParams: 2 * p.dModel * p.swigluWidth }),
    },
  ],
});
