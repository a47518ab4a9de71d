import { describe, expect, it } from "vitest";
import { diagnosable, drawUntil } from "@/lib/grading";
import type { StepSpec } from "@/lib/grading";

const steps: StepSpec[] = [
  { key: "a", label: "A", answer: { shape: "scalar" } },
  { key: "b", label: "B", answer: { shape: { vector: 2 } } },
];
const reference = { a: 1, b: [1, 2] };

const cases = [
  { name: "distinct wrong methods", wrongs: [{ a: 2 }, { a: 3, b: [0, 0] }], ok: true },
  { name: "a wrong method equal to the reference", wrongs: [{ a: 1.001 }], ok: false },
  { name: "a listed step equal to the reference", wrongs: [{ a: 2, b: [1, 2] }], ok: false },
  { name: "two methods with the same values", wrongs: [{ a: 2 }, { a: 2 }], ok: false },
  { name: "a method told apart by the steps it does not change", wrongs: [{ a: 2, b: [5, 5] }, { a: 2 }], ok: true },
  {
    name: "a method that is a subset of another and ties on the shared step",
    wrongs: [
      { a: 2, b: [5, 5] },
      { a: 2, b: [5, 5.001] },
    ],
    ok: false,
  },
  { name: "a later method distinguishable on another step", wrongs: [{ a: 2 }, { a: 2, b: [5, 5] }], ok: true },
  { name: "a non-finite wrong value", wrongs: [{ a: Number.POSITIVE_INFINITY }], ok: false },
  { name: "a wrong method listing no steps", wrongs: [{}], ok: false },
];

describe("diagnosable", () => {
  it.each(cases)("$name", ({ wrongs, ok }) => {
    expect(diagnosable(steps, reference, wrongs)).toBe(ok);
  });
});

describe("drawUntil", () => {
  it("is deterministic per seed and returns an accepted draw", () => {
    const draw = (random: () => number) => Math.floor(random() * 10);
    const accept = (n: number) => n % 2 === 0;
    expect(drawUntil(7, draw, accept)).toBe(drawUntil(7, draw, accept));
    expect(drawUntil(7, draw, accept) % 2).toBe(0);
  });

  it("throws when nothing is accepted", () => {
    expect(() =>
      drawUntil(
        1,
        () => 1,
        () => false,
        5,
      ),
    ).toThrow(/no acceptable variant/);
  });
});
