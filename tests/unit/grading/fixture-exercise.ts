import { defineExercise } from "@/lib/grading/exercise-definition";

type Params = { x: number[] };

const mean = (x: readonly number[]): number => x.reduce((s, v) => s + v, 0) / x.length;

/** A tiny exercise with known numbers: x = [1, 2, 6] → mean 3, centred [−2, −1, 3]. */
export const fixtureExercise = defineExercise<Params>({
  slug: "fixture-centre",
  title: "Centre a vector",
  topic: "Test",
  difficulty: "EASY",
  steps: [
    { key: "mean", label: "Mean", answer: { shape: "scalar" }, hint: "Divide the sum by n." },
    { key: "centred", label: "x − mean", answer: { shape: { vector: 3 } }, tolerance: { mode: "relative", rel: 0.01, abs: 0.01 }, weight: 2 },
  ],
  generate: (seed) => ({ x: seed === 2 ? [2, 4, 9] : [1, 2, 6] }),
  prompt: (p) => `Centre ${p.x.join(", ")}.`,
  inputs: (p) => ({ x: p.x }),
  solve: (p) => ({ mean: mean(p.x), centred: p.x.map((v) => v - mean(p.x)) }),
  misconceptions: [
    {
      code: "sum-not-mean",
      message: "You used the sum, not the mean.",
      answers: (p) => {
        const sum = p.x.reduce((s, v) => s + v, 0);
        return { mean: sum, centred: p.x.map((v) => v - sum) };
      },
    },
    {
      code: "same-as-reference",
      message: "Never reported: equals the reference for this step.",
      answers: (p) => ({ centred: p.x.map((v) => v - mean(p.x)) }),
    },
  ],
});
