// One entry of the sinusoidal positional encoding: PE(pos, 2i) = sin(pos / 10000^(2i/d)),
// PE(pos, 2i+1) = cos(pos / 10000^(2i/d)); the angle, then the value.
import { drawUntil } from "../lib/grading/authoring";
import { defineExercise, type StepValues } from "../lib/grading/exercise-definition";

export const PE_BASE = 10000;

export type SinusoidalParams = {
  dModel: number;
  /** 0-based position. */
  position: number;
  /** 0-based dimension (column); even → sin, odd → cos, pair i = ⌊dim/2⌋ ≥ 1. */
  dim: number;
};

const pick = <T>(random: () => number, options: readonly [T, ...T[]]): T => options[Math.floor(random() * options.length)] ?? options[0];
const between = (random: () => number, lo: number, hi: number): number => lo + Math.floor(random() * (hi - lo + 1));

/** pos / base^(exponent/d): the angle for a given exponent numerator (2i when right). */
const angleWith = (p: SinusoidalParams, exponent: number): number => p.position / PE_BASE ** (exponent / p.dModel);

const wave = (p: SinusoidalParams, angle: number): number => (p.dim % 2 === 0 ? Math.sin(angle) : Math.cos(angle));
const otherWave = (p: SinusoidalParams, angle: number): number => (p.dim % 2 === 0 ? Math.cos(angle) : Math.sin(angle));

const pairOf = (p: SinusoidalParams): number => Math.floor(p.dim / 2);

/** Reference: angle pos / 10000^(2i/d) in radians with i = ⌊dim/2⌋, and sin (even dim) or cos (odd dim) of it. */
export function solveSinusoidal(p: SinusoidalParams): StepValues {
  const angle = angleWith(p, 2 * pairOf(p));
  return { angle, value: wave(p, angle) };
}

/** The value under each wrong method. */
function wrongValues(p: SinusoidalParams): { swapped: number; degrees: number; withoutTwo: number } {
  const angle = angleWith(p, 2 * pairOf(p));
  return { swapped: otherWave(p, angle), degrees: wave(p, (angle * Math.PI) / 180), withoutTwo: wave(p, angleWith(p, pairOf(p))) };
}

/** The reference and the wrong values are pairwise at least this far apart (the value tolerance is ≤ 0.01). */
const MIN_SEPARATION = 0.02;

function separated(p: SinusoidalParams): boolean {
  const values = [wave(p, angleWith(p, 2 * pairOf(p))), ...Object.values(wrongValues(p))];
  return values.every((a, i) => values.slice(i + 1).every((b) => Math.abs(a - b) >= MIN_SEPARATION));
}

/** d and pair i with 10000^(2i/d) = 10 or 100; positions keep the angle between 0.2 and 4 radians or more. */
function candidate(random: () => number): SinusoidalParams {
  const dModel = pick(random, [8, 16]);
  const pair = pick(random, [1, 2]) * (dModel / 8);
  const divisor = PE_BASE ** ((2 * pair) / dModel);
  return {
    dModel,
    position: divisor < 50 ? between(random, 3, 40) : between(random, 20, 150),
    dim: 2 * pair + between(random, 0, 1),
  };
}

export default defineExercise<SinusoidalParams>({
  slug: "sinusoidal-pe-value",
  title: "Sinusoidal positional encoding: one value",
  topic: "Positional encoding",
  difficulty: "EASY",
  steps: [
    { key: "angle", label: "Angle (radians)", answer: { shape: "scalar" }, tolerance: { mode: "relative", rel: 0.001 } },
    { key: "value", label: "PE value", answer: { shape: "scalar" }, tolerance: { mode: "relative", rel: 0.01, abs: 0.005 } },
  ],
  generate: (seed) => drawUntil(seed, candidate, separated),
  prompt: (p) =>
    [
      `A model with $d_{model} = ${p.dModel}$ uses the original sinusoidal positional encoding, with positions and dimensions counted from 0:`,
      "",
      `$$PE(pos, 2i) = \\sin\\!\\left(\\frac{pos}{${PE_BASE}^{2i/d_{model}}}\\right), \\qquad PE(pos, 2i+1) = \\cos\\!\\left(\\frac{pos}{${PE_BASE}^{2i/d_{model}}}\\right)$$`,
      "",
      `Take position $pos = ${p.position}$ and dimension ${p.dim}.`,
      "",
      "1. What is the angle inside the sine or cosine, in **radians**?",
      `2. What is $PE(${p.position}, ${p.dim})$?`,
    ].join("\n"),
  inputs: (p) => ({ dModel: p.dModel, position: p.position, dim: p.dim, base: PE_BASE }),
  solve: (p) => solveSinusoidal(p),
  misconceptions: [
    {
      code: "sin-cos-swapped",
      message: "Even dimensions take the sine and odd dimensions the cosine.",
      answers: (p) => ({ value: wrongValues(p).swapped }),
    },
    {
      code: "exponent-without-2",
      message: "Dimension 2i and 2i+1 share the exponent 2i/d: the pair index i is doubled before dividing by d.",
      answers: (p) => ({ angle: angleWith(p, pairOf(p)), value: wrongValues(p).withoutTwo }),
    },
    {
      code: "degrees-not-radians",
      message: "The angle is in radians; your calculator was in degree mode.",
      answers: (p) => ({ value: wrongValues(p).degrees }),
    },
  ],
});
