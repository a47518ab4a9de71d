// LayerNorm of one 4-vector by hand: mean, population variance, σ = √(var + ε), then γ·x̂ + β.
import { separatesWrongMethods, drawUntil } from "../lib/grading/authoring";
import { defineExercise, type Misconception, type ReferenceOps, type StepSpec, type StepValues } from "../lib/grading/exercise-definition";

type Params = { x: number[]; gamma: number[]; beta: number[]; epsilon: number };

const pick = <T>(random: () => number, items: readonly T[]): T => items[Math.floor(random() * items.length)] as T;
const mean = (v: readonly number[]): number => v.reduce((s, x) => s + x, 0) / v.length;
const sumSq = (v: readonly number[], centre: number): number => v.reduce((s, x) => s + (x - centre) ** 2, 0);
const affine = (p: Params, sigma: number, gamma = p.gamma, beta = p.beta): number[] =>
  p.x.map((x, i) => ((x - mean(p.x)) / sigma) * (gamma[i] ?? 0) + (beta[i] ?? 0));

const TOL = { mode: "relative", rel: 0.01, abs: 0.005 } as const;
const STEPS: StepSpec[] = [
  { key: "mean", label: "Mean μ", answer: { shape: "scalar" }, tolerance: TOL, weight: 1 },
  { key: "variance", label: "Variance σ² (population: divide by n)", answer: { shape: "scalar" }, tolerance: TOL, weight: 1 },
  { key: "std", label: "Denominator √(σ² + ε)", answer: { shape: "scalar" }, tolerance: TOL, weight: 1, hint: "ε goes inside the square root." },
  { key: "output", label: "Output γ ⊙ (x − μ)/√(σ² + ε) + β", answer: { shape: { vector: 4 } }, tolerance: TOL, weight: 2 },
];

function solve(p: Params, ops: ReferenceOps): StepValues {
  const variance = sumSq(p.x, mean(p.x)) / p.x.length;
  return {
    mean: mean(p.x),
    variance,
    std: Math.sqrt(variance + p.epsilon),
    output: ops.layerNorm([p.x], p.gamma, p.beta, p.epsilon)[0] ?? [],
  };
}

const MISCONCEPTIONS: Misconception<Params>[] = [
  {
    code: "sample-variance",
    message: "You divided by n − 1 (sample variance). LayerNorm uses the population variance: divide by n.",
    answers: (p) => {
      const variance = sumSq(p.x, mean(p.x)) / (p.x.length - 1);
      const std = Math.sqrt(variance + p.epsilon);
      return { variance, std, output: affine(p, std) };
    },
  },
  {
    code: "epsilon-outside-sqrt",
    message: "You added ε after the square root (σ + ε). LayerNorm divides by √(σ² + ε).",
    answers: (p) => {
      const std = Math.sqrt(sumSq(p.x, mean(p.x)) / p.x.length) + p.epsilon;
      return { std, output: affine(p, std) };
    },
  },
  {
    code: "epsilon-dropped",
    message: "You left ε out. It is added to the variance before the square root: √(σ² + ε).",
    answers: (p) => {
      const std = Math.sqrt(sumSq(p.x, mean(p.x)) / p.x.length);
      return { std, output: affine(p, std) };
    },
  },
  {
    code: "gamma-beta-swapped",
    message: "You swapped γ and β. γ scales the normalised value; β is added afterwards.",
    answers: (p) => ({ output: affine(p, Math.sqrt(sumSq(p.x, mean(p.x)) / p.x.length + p.epsilon), p.beta, p.gamma) }),
  },
  {
    code: "beta-ignored",
    message: "You forgot the shift β. After scaling by γ, add β element by element.",
    answers: (p) => ({
      output: affine(
        p,
        Math.sqrt(sumSq(p.x, mean(p.x)) / p.x.length + p.epsilon),
        p.gamma,
        p.x.map(() => 0),
      ),
    }),
  },
  {
    code: "rms-instead-of-std",
    message: "You used the mean of x² without subtracting the mean first (an RMS). LayerNorm's variance is the mean of (x − μ)².",
    answers: (p) => {
      const variance = sumSq(p.x, 0) / p.x.length;
      const std = Math.sqrt(variance + p.epsilon);
      return { variance, std, output: affine(p, std) };
    },
  },
];

function draw(random: () => number): Params {
  const x = Array.from({ length: 3 }, () => pick(random, [-3, -2, -1, 0, 1, 2, 3, 4, 5, 6]));
  const fourth = pick(random, [-2, -1, 0, 1, 2, 3, 4, 5, 6, 7]);
  const sum = x.reduce((s, v) => s + v, 0) + fourth;
  return {
    x: [...x, fourth - (((sum % 4) + 4) % 4)],
    gamma: Array.from({ length: 4 }, () => pick(random, [0.5, 1, 1.5, 2])),
    beta: Array.from({ length: 4 }, () => pick(random, [-1, -0.5, 0, 0.5, 1])),
    epsilon: pick(random, [0.25, 0.5, 1]),
  };
}

export default defineExercise<Params>({
  slug: "layernorm-by-hand",
  title: "LayerNorm by hand",
  topic: "Normalization",
  difficulty: "EASY",
  steps: STEPS,
  generate: (seed) => drawUntil(seed, draw, (p) => mean(p.x) !== 0 && separatesWrongMethods(STEPS, solve, MISCONCEPTIONS)(p)),
  prompt: (p) =>
    [
      `Normalise one token's activation vector $x = [${p.x.join(", ")}]$ with LayerNorm.`,
      `The gain is $\\gamma = [${p.gamma.join(", ")}]$, the shift is $\\beta = [${p.beta.join(", ")}]$ and $\\varepsilon = ${p.epsilon}$ ` +
        "(far larger than the usual 1e-5, so you can see what it does).",
      "Work out the mean, the population variance (divide by $n$), the denominator $\\sqrt{\\sigma^2 + \\varepsilon}$, " +
        "and finally the output $\\gamma \\odot \\frac{x - \\mu}{\\sqrt{\\sigma^2 + \\varepsilon}} + \\beta$ as a list of 4 numbers.",
      "Expressions such as `sqrt(5.25)` are accepted; give decimals to at least 2 places.",
    ].join("\n\n"),
  inputs: (p) => ({ x: p.x, gamma: p.gamma, beta: p.beta, epsilon: p.epsilon }),
  solve,
  misconceptions: MISCONCEPTIONS,
});
