// One entry of the sinusoidal positional encoding: PE(pos, 2i) = sin(pos / 10000^(2i/d)),
// PE(pos, 2i+1) = cos(pos / 10000^(2i/d)); the angle, then the value.
import { drawUntil, separatesWrongMethods } from "../lib/grading/authoring";
import { defineExercise, type Misconception, type StepSpec, type StepValues } from "../lib/grading/exercise-definition";

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
function wrongValues(p: SinusoidalParams): { swapped: number; degrees: number; withoutTwo: number; dimAsPair: number } {
  const angle = angleWith(p, 2 * pairOf(p));
  return {
    swapped: otherWave(p, angle),
    degrees: wave(p, (angle * Math.PI) / 180),
    withoutTwo: wave(p, angleWith(p, pairOf(p))),
    dimAsPair: wave(p, angleWith(p, 2 * p.dim)),
  };
}

const STEPS: StepSpec[] = [
  { key: "angle", label: "Angle (radians)", answer: { shape: "scalar" }, tolerance: { mode: "relative", rel: 0.001 } },
  { key: "value", label: "PE value", answer: { shape: "scalar" }, tolerance: { mode: "relative", rel: 0.01, abs: 0.005 } },
];

const MISCONCEPTIONS: Misconception<SinusoidalParams>[] = [
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
    message: "The angle is in radians: you gave it in degrees, or your calculator was in degree mode.",
    answers: (p) => ({ angle: (solveSinusoidal(p).angle as number) * (180 / Math.PI), value: wrongValues(p).degrees }),
  },
  {
    code: "dimension-as-pair-index",
    message: "You put the dimension itself where the pair index belongs. Dimension dim is in pair i = ⌊dim/2⌋, and the exponent is 2i/d.",
    answers: (p) => ({ angle: angleWith(p, 2 * p.dim), value: wrongValues(p).dimAsPair }),
  },
];

/**
 * The reference and the first wrong values are pairwise at least this far apart (the value tolerance is ≤ 0.01);
 * every family must also be nameable from a whole attempt.
 */
const MIN_SEPARATION = 0.02;

function separated(p: SinusoidalParams): boolean {
  const { swapped, degrees, withoutTwo } = wrongValues(p);
  const values = [wave(p, angleWith(p, 2 * pairOf(p))), swapped, degrees, withoutTwo];
  return (
    values.every((a, i) => values.slice(i + 1).every((b) => Math.abs(a - b) >= MIN_SEPARATION)) &&
    separatesWrongMethods(STEPS, solveSinusoidal, MISCONCEPTIONS)(p)
  );
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
  steps: STEPS,
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
  inputs: (p) => ({ dModel: p.dModel, position: p.position, dim: p.dim, base: PE_BASE, positionsFrom: 0 }),
  solve: (p) => solveSinusoidal(p),
  misconceptions: MISCONCEPTIONS,
});
