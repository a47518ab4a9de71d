// RMSNorm of one 4-vector by hand: rms = √(mean(x²) + ε), then γ ⊙ x / rms (no centring, no shift).
import { drawUntil, separatesWrongMethods } from "../lib/grading/authoring";
import { defineExercise, type Misconception, type ReferenceOps, type StepSpec, type StepValues } from "../lib/grading/exercise-definition";

type Params = { x: number[]; gamma: number[]; epsilon: number };

const pick = <T>(random: () => number, items: readonly T[]): T => items[Math.floor(random() * items.length)] as T;
const meanOf = (v: readonly number[]): number => v.reduce((s, x) => s + x, 0) / v.length;
const squares = (v: readonly number[], centre = 0): number => v.reduce((s, x) => s + (x - centre) ** 2, 0);
const scaled = (p: Params, rms: number, centre = 0): number[] => p.x.map((x, i) => ((x - centre) / rms) * (p.gamma[i] ?? 0));

const TOL = { mode: "relative", rel: 0.01, abs: 0.005 } as const;
const STEPS: StepSpec[] = [
  {
    key: "rms",
    label: "RMS √(mean(x²) + ε)",
    answer: { shape: "scalar" },
    tolerance: TOL,
    weight: 1,
    hint: "Average the squares, add ε, then take the square root.",
  },
  { key: "output", label: "Output γ ⊙ x / rms", answer: { shape: { vector: 4 } }, tolerance: TOL, weight: 1 },
];

function solve(p: Params, ops: ReferenceOps): StepValues {
  return { rms: Math.sqrt(squares(p.x) / p.x.length + p.epsilon), output: ops.rmsNorm([p.x], p.gamma, p.epsilon)[0] ?? [] };
}

const MISCONCEPTIONS: Misconception<Params>[] = [
  {
    code: "subtracted-mean",
    message: "You subtracted the mean first, which is LayerNorm. RMSNorm does not centre: it divides x itself by its root mean square.",
    answers: (p) => {
      const rms = Math.sqrt(squares(p.x, meanOf(p.x)) / p.x.length + p.epsilon);
      return { rms, output: scaled(p, rms, meanOf(p.x)) };
    },
  },
  {
    code: "sum-not-mean",
    message: "You took the square root of the sum of squares. RMSNorm uses the mean of the squares: divide the sum by n first.",
    answers: (p) => {
      const rms = Math.sqrt(squares(p.x) + p.epsilon);
      return { rms, output: scaled(p, rms) };
    },
  },
  {
    code: "epsilon-outside-sqrt",
    message: "You added ε after the square root. It goes inside: √(mean(x²) + ε).",
    answers: (p) => {
      const rms = Math.sqrt(squares(p.x) / p.x.length) + p.epsilon;
      return { rms, output: scaled(p, rms) };
    },
  },
  {
    code: "epsilon-dropped",
    message: "You left ε out. It is added to the mean of the squares before the square root: √(mean(x²) + ε).",
    answers: (p) => {
      const rms = Math.sqrt(squares(p.x) / p.x.length);
      return { rms, output: scaled(p, rms) };
    },
  },
];

function draw(random: () => number): Params {
  return {
    x: Array.from({ length: 4 }, () => pick(random, [-3, -2, -1, 1, 2, 3, 4])),
    gamma: Array.from({ length: 4 }, () => pick(random, [0.5, 1, 1.5, 2])),
    epsilon: pick(random, [0.5, 1, 2]),
  };
}

export default defineExercise<Params>({
  slug: "rmsnorm-by-hand",
  title: "RMSNorm by hand",
  topic: "Normalization",
  difficulty: "EASY",
  steps: STEPS,
  generate: (seed) => drawUntil(seed, draw, separatesWrongMethods(STEPS, solve, MISCONCEPTIONS)),
  prompt: (p) =>
    [
      `Apply RMSNorm to the activation vector $x = [${p.x.join(", ")}]$ with gain $\\gamma = [${p.gamma.join(", ")}]$ and $\\varepsilon = ${p.epsilon}$ ` +
        "(deliberately large so its effect is visible). RMSNorm has no shift β.",
      "First give the root mean square $\\sqrt{\\tfrac{1}{n}\\sum_i x_i^2 + \\varepsilon}$, then the output $\\gamma \\odot x / \\mathrm{rms}$ as a list of 4 numbers.",
      "Expressions such as `sqrt(10)` are accepted.",
    ].join("\n\n"),
  inputs: (p) => ({ x: p.x, gamma: p.gamma, epsilon: p.epsilon }),
  solve,
  misconceptions: MISCONCEPTIONS,
});
