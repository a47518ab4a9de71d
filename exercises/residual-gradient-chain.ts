// Gradient through a chain of L blocks: a plain stack multiplies the local slopes
// f′, a residual stack y = x + f(x) multiplies (1 + f′) because of the identity path.
import { drawUntil, separatesWrongMethods } from "../lib/grading/authoring";
import { defineExercise, type Misconception, type StepSpec, type StepValues } from "../lib/grading/exercise-definition";

export type ResidualChainParams = {
  /** Local slope f′ of each block, input side first; 0.2 … 1.4 in steps of 0.1. */
  slopes: number[];
};

const between = (random: () => number, lo: number, hi: number): number => lo + Math.floor(random() * (hi - lo + 1));
const product = (values: readonly number[]): number => values.reduce((a, b) => a * b, 1);
const sum = (values: readonly number[]): number => values.reduce((a, b) => a + b, 0);

/** Reference: plain stack ∂y_L/∂x = Π f′_l; residual stack = Π (1 + f′_l). */
export function solveResidualChain(p: ResidualChainParams): StepValues {
  return { plain: product(p.slopes), residual: product(p.slopes.map((s) => 1 + s)) };
}

/** The wrong methods' values, shared by the generator's separation check and the misconceptions. */
function wrongValues(p: ResidualChainParams): { plainSum: number; residualSum: number; noIdentity: number; identityOnce: number; firstOrder: number } {
  const plain = product(p.slopes);
  return {
    plainSum: sum(p.slopes),
    residualSum: sum(p.slopes.map((s) => 1 + s)),
    noIdentity: plain,
    identityOnce: 1 + plain,
    firstOrder: 1 + sum(p.slopes),
  };
}

const STEPS: StepSpec[] = [
  { key: "plain", label: "Gradient factor without residuals", answer: { shape: "scalar" }, tolerance: { mode: "relative", rel: 0.01 } },
  { key: "residual", label: "Gradient factor with residuals", answer: { shape: "scalar" }, tolerance: { mode: "relative", rel: 0.01 } },
];

const MISCONCEPTIONS: Misconception<ResidualChainParams>[] = [
  {
    code: "sum-not-product",
    message: "The chain rule multiplies the factors of successive blocks; it does not add them.",
    answers: (p) => {
      const w = wrongValues(p);
      return { plain: w.plainSum, residual: w.residualSum };
    },
  },
  {
    code: "forgot-identity-path",
    message: "With y = x + f(x) each block's derivative is 1 + f′: the identity path adds 1 inside every factor.",
    answers: (p) => ({ residual: wrongValues(p).noIdentity }),
  },
  {
    code: "identity-added-once",
    message: "Every block has its own shortcut, so the 1 goes inside each factor, Π(1 + f′), not once outside the product.",
    answers: (p) => ({ residual: wrongValues(p).identityOnce }),
  },
  { code: "first-order-sum", answers: (p) => ({ residual: wrongValues(p).firstOrder }) },
];

/** Wrong values must be at least 5% away from the reference they stand in for (tolerance is 1%). */
const MIN_RELATIVE_GAP = 0.05;

function separated(p: ResidualChainParams): boolean {
  const { plain, residual } = solveResidualChain(p);
  const far = (wrong: number, right: unknown): boolean => typeof right === "number" && Math.abs(wrong - right) >= MIN_RELATIVE_GAP * Math.abs(right);
  const w = wrongValues(p);
  return (
    far(w.plainSum, plain) &&
    far(w.residualSum, residual) &&
    far(w.noIdentity, residual) &&
    far(w.identityOnce, residual) &&
    far(w.firstOrder, residual) &&
    separatesWrongMethods(STEPS, solveResidualChain, MISCONCEPTIONS)(p)
  );
}

function candidate(random: () => number): ResidualChainParams {
  const layers = between(random, 4, 7);
  return { slopes: Array.from({ length: layers }, () => between(random, 2, 14) / 10) };
}

export default defineExercise<ResidualChainParams>({
  slug: "residual-gradient-chain",
  title: "Gradient through a residual chain",
  topic: "Residual stream",
  difficulty: "MEDIUM",
  steps: STEPS,
  generate: (seed) => drawUntil(seed, candidate, separated),
  prompt: (p) =>
    [
      `A scalar signal passes through **${p.slopes.length} blocks**. Around its current input, block $l$ has local slope $f'_l$; from the first block to the last these are`,
      "",
      `$$f' = [${p.slopes.join(",\\ ")}]$$`,
      "",
      "1. **Plain stack**, $y_l = f_l(y_{l-1})$: by what factor does the gradient change from the output back to the input, $\\partial y_L / \\partial y_0$?",
      "2. **Residual stack**, $y_l = y_{l-1} + f_l(y_{l-1})$, with the same local slopes: what is $\\partial y_L / \\partial y_0$ now?",
    ].join("\n"),
  inputs: (p) => ({ layers: p.slopes.length, slopes: p.slopes }),
  solve: (p) => solveResidualChain(p),
  misconceptions: MISCONCEPTIONS,
});
