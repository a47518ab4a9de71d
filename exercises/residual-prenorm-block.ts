// Residual adds through a pre-norm block on a 2-vector: h = x + f(LN(x)), y = h + g(LN(h)).
import { drawUntil, separatesWrongMethods } from "../lib/grading/authoring";
import * as float64 from "../lib/reference/float64";
import { defineExercise, type Misconception, type ReferenceOps, type StepSpec, type StepValues } from "../lib/grading/exercise-definition";

/** Sublayers stand in as affine maps u ↦ scale·u + shift, so the block's wiring is what is tested. */
type Params = { x: number[]; f: { scale: number; shift: number[] }; g: { scale: number; shift: number[] } };

const pick = <T>(random: () => number, items: readonly T[]): T => items[Math.floor(random() * items.length)] as T;
const apply = (map: Params["f"], u: readonly number[]): number[] => u.map((v, i) => map.scale * v + (map.shift[i] ?? 0));
const add = (a: readonly number[], b: readonly number[]): number[] => a.map((v, i) => v + (b[i] ?? 0));
const norm = (ops: ReferenceOps, u: readonly number[]): number[] => ops.layerNorm([u], [1, 1], [0, 0], 0)[0] ?? [];
const fmtMap = (name: string, m: Params["f"]): string => `$${name}(u) = ${m.scale}\\,u + [${m.shift.join(", ")}]$`;

const TOL = { mode: "relative", rel: 0.01, abs: 0.005 } as const;
const STEPS: StepSpec[] = [
  { key: "afterAttention", label: "Residual stream after the first add, h", answer: { shape: { vector: 2 } }, tolerance: TOL, weight: 1 },
  { key: "afterFfn", label: "Residual stream after the second add, y", answer: { shape: { vector: 2 } }, tolerance: TOL, weight: 1 },
];

function solve(p: Params, ops: ReferenceOps): StepValues {
  const h = add(p.x, apply(p.f, norm(ops, p.x)));
  return { afterAttention: h, afterFfn: add(h, apply(p.g, norm(ops, h))) };
}

const MISCONCEPTIONS: Misconception<Params>[] = [
  {
    code: "post-norm-instead",
    message:
      "You normalised after each add (post-norm: h = LN(x + f(x))). In a pre-norm block only the sublayer's input is normalised; the stream is x + f(LN(x)), never passed through LN.",
    answers: (p, ops) => {
      const h = norm(ops, add(p.x, apply(p.f, p.x)));
      return { afterAttention: h, afterFfn: norm(ops, add(h, apply(p.g, h))) };
    },
  },
  {
    code: "normalised-stream",
    message: "You carried LN(x) on the shortcut: h = LN(x) + f(LN(x)). The norm feeds only the sublayer; the stream keeps x itself: h = x + f(LN(x)).",
    answers: (p, ops) => {
      const h = add(norm(ops, p.x), apply(p.f, norm(ops, p.x)));
      return { afterAttention: h, afterFfn: add(norm(ops, h), apply(p.g, norm(ops, h))) };
    },
  },
  {
    code: "forgot-residual",
    message: "You kept only the sublayer's output and dropped the shortcut. Each sublayer's result is added to the stream it read: h = x + f(LN(x)).",
    answers: (p, ops) => {
      const h = apply(p.f, norm(ops, p.x));
      return { afterAttention: h, afterFfn: apply(p.g, norm(ops, h)) };
    },
  },
  {
    code: "added-norm-output",
    message:
      "You added LN(x) to the stream instead of the sublayer's output. The add is x + f(LN(x)): the normalised vector goes into f, and f's output is what is added.",
    answers: (p, ops) => {
      const h = add(p.x, norm(ops, p.x));
      return { afterAttention: h, afterFfn: add(h, norm(ops, h)) };
    },
  },
];

function draw(random: () => number): Params {
  const map = () => ({ scale: pick(random, [-2, -1, 2, 3]), shift: Array.from({ length: 2 }, () => pick(random, [-2, -1, 0, 1, 2])) });
  const first = pick(random, [-3, -2, -1, 0, 1, 2, 3, 4]);
  const second = pick(
    random,
    [-3, -2, -1, 0, 1, 2, 3, 4].filter((v) => v !== first),
  );
  return { x: [first, second], f: map(), g: map() };
}

const distinctPair = (u: readonly number[]): boolean => Math.abs((u[0] ?? 0) - (u[1] ?? 0)) > 0.5;

export default defineExercise<Params>({
  slug: "residual-prenorm-block",
  title: "Residual adds through a pre-norm block",
  topic: "Residual stream",
  difficulty: "MEDIUM",
  steps: STEPS,
  generate: (seed) =>
    drawUntil(seed, draw, (p) => {
      const h = add(p.x, apply(p.f, norm(float64, p.x)));
      return distinctPair(h) && distinctPair(add(p.x, apply(p.f, p.x))) && separatesWrongMethods(STEPS, solve, MISCONCEPTIONS)(p);
    }),
  prompt: (p) =>
    [
      `One token's residual stream enters a pre-norm transformer block as $x = [${p.x.join(", ")}]$.`,
      `Both norms are LayerNorm with $\\gamma = [1, 1]$, $\\beta = [0, 0]$ and $\\varepsilon = 0$. ` +
        `To keep the arithmetic small, the attention sublayer acts as ${fmtMap("f", p.f)} and the feed-forward sublayer as ${fmtMap("g", p.g)}.`,
      "Give the residual stream after the attention sublayer's add, then after the feed-forward sublayer's add, each as a list of 2 numbers.",
    ].join("\n\n"),
  inputs: (p) => ({ x: p.x, f: p.f, g: p.g, epsilon: 0 }),
  solve,
  misconceptions: MISCONCEPTIONS,
});
