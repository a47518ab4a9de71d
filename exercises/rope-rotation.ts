// RoPE on one pair of dimensions: the pair's frequency θ_k = base^(−2k/d), the
// angle position·θ_k in radians, and the pair rotated counter-clockwise by it.
// Pairs follow the rotate-half layout the labs use: pair k is dimensions k and
// k + d/2. The layout only names the dimensions, so every seed's numbers and
// answers are those of the interleaved (2k, 2k+1) wording this prompt once had.
import { drawUntil } from "../lib/grading/authoring";
import { defineExercise, type StepValues } from "../lib/grading/exercise-definition";

export const ROPE_BASE = 10000;

export type RopeParams = {
  dHead: number;
  /** Pair index: dimensions (k, k + d/2), the rotate-half layout. Chosen so 2k/d is 1/4 or 1/2, making θ_k 0.1 or 0.01. */
  pair: number;
  /** 0-based token position. */
  position: number;
  x: [number, number];
};

const pick = <T>(random: () => number, options: readonly [T, ...T[]]): T => options[Math.floor(random() * options.length)] ?? options[0];
const between = (random: () => number, lo: number, hi: number): number => lo + Math.floor(random() * (hi - lo + 1));

/** (x0, x1) rotated counter-clockwise by `angle` radians. */
export function rotate([x0, x1]: readonly [number, number], angle: number): [number, number] {
  const c = Math.cos(angle);
  const s = Math.sin(angle);
  return [x0 * c - x1 * s, x0 * s + x1 * c];
}

const theta = (p: RopeParams, exponent: number): number => ROPE_BASE ** (-exponent / p.dHead);

/** Pair k's two dimensions in the rotate-half layout the course uses (the labs' layout). */
export const ropePairDimensions = (pair: number, dHead: number): [number, number] => [pair, pair + dHead / 2];

/** Reference: θ_k = 10000^(−2k/d), angle = position·θ_k (radians), rotated pair. */
export function solveRope(p: RopeParams): StepValues {
  const freq = theta(p, 2 * p.pair);
  const angle = p.position * freq;
  return { theta: freq, angle, rotated: rotate(p.x, angle) };
}

/** The rotated pair under each wrong method, for the generator's separation check and the misconceptions. */
function wrongRotations(p: RopeParams): { degrees: number[]; clockwise: number[]; exponentOff: number[] } {
  const angle = p.position * theta(p, 2 * p.pair);
  return {
    degrees: rotate(p.x, (angle * Math.PI) / 180),
    clockwise: rotate(p.x, -angle),
    exponentOff: rotate(p.x, p.position * theta(p, p.pair)),
  };
}

/** Every wrong rotation is at least this far from the reference in some component (tolerance is ≈0.04). */
const MIN_SEPARATION = 0.1;

function separated(p: RopeParams): boolean {
  const reference = rotate(p.x, p.position * theta(p, 2 * p.pair));
  return Object.values(wrongRotations(p)).every((wrong) => wrong.some((v, i) => Math.abs(v - (reference[i] ?? 0)) >= MIN_SEPARATION));
}

function candidate(random: () => number): RopeParams {
  const dHead = pick(random, [8, 16, 32]);
  const quarterOrHalf = pick(random, [4, 2]);
  const nonZero = (): number => pick(random, [-3, -2, -1, 1, 2, 3]);
  return {
    dHead,
    pair: dHead / (2 * quarterOrHalf),
    position: quarterOrHalf === 4 ? between(random, 5, 40) : 10 * between(random, 5, 30),
    x: [nonZero(), nonZero()],
  };
}

const VECTOR_TOLERANCE = { mode: "relative", rel: 0.01, abs: 0.01 } as const;

export default defineExercise<RopeParams>({
  slug: "rope-rotation",
  title: "RoPE: rotate one pair of dimensions",
  topic: "Positional encoding",
  difficulty: "MEDIUM",
  steps: [
    { key: "theta", label: "Frequency θ_k", answer: { shape: "scalar" }, tolerance: { mode: "relative", rel: 0.001 } },
    { key: "angle", label: "Rotation angle (radians)", answer: { shape: "scalar" }, tolerance: { mode: "relative", rel: 0.001 } },
    {
      key: "rotated",
      label: "Rotated pair",
      answer: { shape: { vector: 2 } },
      tolerance: VECTOR_TOLERANCE,
      hint: "x0' = x0·cos φ − x1·sin φ, x1' = x0·sin φ + x1·cos φ, with φ in radians.",
    },
  ],
  generate: (seed) => drawUntil(seed, candidate, separated),
  prompt: (p) => {
    const [first, second] = ropePairDimensions(p.pair, p.dHead);
    return [
      `A query vector with $d_{head} = ${p.dHead}$ is rotated with RoPE, base $${ROPE_BASE}$. Dimensions are paired **rotate-half**, as in the labs: pair $k$ (counted from 0) is dimensions $k$ and $k + d_{head}/2$, and turns at frequency $\\theta_k = ${ROPE_BASE}^{-2k/d_{head}}$.`,
      `Take pair $k = ${p.pair}$ (dimensions ${first} and ${second}, counted from 0) of the token at position $m = ${p.position}$ (counted from 0), with values $(x_0, x_1) = (${p.x[0]}, ${p.x[1]})$: $x_0$ is dimension ${first}, $x_1$ dimension ${second}.`,
      "",
      "1. What is $\\theta_k$?",
      "2. What is the rotation angle $\\varphi = m\\,\\theta_k$, in **radians**?",
      "3. Rotate the pair counter-clockwise by $\\varphi$: $x_0' = x_0\\cos\\varphi - x_1\\sin\\varphi$, $x_1' = x_0\\sin\\varphi + x_1\\cos\\varphi$. Answer as $[x_0', x_1']$.",
    ].join("\n");
  },
  inputs: (p) => ({
    dHead: p.dHead,
    base: ROPE_BASE,
    layout: "rotate-half",
    pair: p.pair,
    dimensions: ropePairDimensions(p.pair, p.dHead),
    position: p.position,
    positionsFrom: 0,
    x: p.x,
  }),
  solve: (p) => solveRope(p),
  misconceptions: [
    {
      code: "degrees-not-radians",
      message: "The angle m·θ_k is in radians: you gave it in degrees, or your calculator treated it as degrees.",
      answers: (p) => ({ angle: (solveRope(p).angle as number) * (180 / Math.PI), rotated: wrongRotations(p).degrees }),
    },
    {
      code: "rotated-wrong-direction",
      message: "You rotated clockwise. RoPE turns the pair counter-clockwise: x0' = x0·cos φ − x1·sin φ.",
      answers: (p) => ({ rotated: wrongRotations(p).clockwise }),
    },
    {
      code: "frequency-exponent-off",
      message: "The frequency exponent is −2k/d, with the 2: the d/2 pairs spread their exponents 2k/d over 0 … 1, so pair k turns at 10000^(−2k/d).",
      answers: (p) => {
        const freq = theta(p, p.pair);
        return { theta: freq, angle: p.position * freq, rotated: wrongRotations(p).exponentOff };
      },
    },
  ],
});
