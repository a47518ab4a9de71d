// Self-checked sketches (score = share ticked), the drawing → FSRS rating
// rule, the stroke caps, and the catalogue's basic promises.
import { describe, expect, it } from "vitest";
import { DRAWING_PROMPTS, findDrawingPrompt } from "@/exercises/drawings";
import { EXERCISES } from "@/exercises";
import { ratingForDrawingReview } from "@/lib/drawing/drawing-rating";
import { DrawingAttemptBodySchema } from "@/lib/drawing/drawing-schemas";
import { MAX_SKETCH_POINTS } from "@/lib/drawing/drawing-limits";
import type { SketchSetup } from "@/lib/drawing/drawing-prompt";

const sketch = findDrawingPrompt("kv-cache-decode-sketch");
const rubric = sketch ? (sketch.variant(0).setup as SketchSetup).rubric.map((r) => r.key) : [];
const stroke: [number, number][] = [
  [10, 10],
  [200, 220],
];

describe("sketch self-check", () => {
  it.each([
    { name: "all ticked", ticked: rubric, score: 1, correct: true },
    { name: "half ticked", ticked: rubric.slice(0, 3), score: 0.5, correct: false },
    { name: "none ticked", ticked: [], score: 0, correct: false },
  ])("$name", ({ ticked, score, correct }) => {
    const answer = { kind: "sketch" as const, strokes: [stroke], ticked };
    expect(sketch?.check(0, answer)).toBeNull();
    expect(sketch?.grade(0, answer)).toMatchObject({ score, correct, misconceptions: [] });
  });

  it.each([
    { name: "unknown rubric key", ticked: ["made-up"], issue: /not a rubric item/ },
    { name: "a key ticked twice", ticked: [rubric[0] ?? "", rubric[0] ?? ""], issue: /twice/ },
  ])("refuses $name", ({ ticked, issue }) => {
    expect(sketch?.check(0, { kind: "sketch", strokes: [stroke], ticked })).toMatch(issue);
  });

  it.each([
    { name: "no strokes", strokes: [] },
    { name: "a coordinate off the pad", strokes: [[[10, 1001]]] },
    { name: "too many points in all", strokes: Array.from({ length: 7 }, () => Array.from({ length: MAX_SKETCH_POINTS / 6 }, () => [1, 1])) },
  ])("the body schema refuses $name", ({ strokes }) => {
    const body = { id: "00000000-0000-4000-8000-000000000001", seed: 1, answer: { kind: "sketch", strokes, ticked: [] } };
    expect(DrawingAttemptBodySchema.safeParse(body).success).toBe(false);
  });
});

describe("drawing rating", () => {
  it.each([
    { name: "passed", outcome: { correct: true, score: 1, misconceptions: [], afterReveal: false }, rating: 3 },
    { name: "passed after the reference was shown", outcome: { correct: true, score: 1, misconceptions: [], afterReveal: true }, rating: 1 },
    { name: "one cell wrong", outcome: { correct: false, score: 0.96, misconceptions: [], afterReveal: false }, rating: 2 },
    { name: "one cell wrong after the reveal", outcome: { correct: false, score: 0.96, misconceptions: [], afterReveal: true }, rating: 1 },
    { name: "half the rubric", outcome: { correct: false, score: 0.5, misconceptions: [], afterReveal: false }, rating: 2 },
    { name: "a named wrong mask", outcome: { correct: false, score: 0.83, misconceptions: ["diagonal-left-out"], afterReveal: false }, rating: 1 },
    { name: "mostly wrong", outcome: { correct: false, score: 0.3, misconceptions: [], afterReveal: false }, rating: 1 },
  ])("$name → $rating", ({ outcome, rating }) => {
    expect(ratingForDrawingReview(outcome)).toBe(rating);
  });
});

describe("drawing catalogue", () => {
  it("has unique slugs that no numeric exercise uses", () => {
    const slugs = DRAWING_PROMPTS.map((p) => p.slug);
    expect(new Set(slugs).size).toBe(slugs.length);
    expect(slugs.filter((s) => EXERCISES.some((e) => e.slug === s))).toEqual([]);
  });

  it.each(DRAWING_PROMPTS.map((p) => ({ slug: p.slug, prompt: p })))("$slug gives the same variant for the same seed", ({ prompt }) => {
    expect(prompt.variant(12345)).toEqual(prompt.variant(12345));
    expect(prompt.variant(12345).prompt.length).toBeGreaterThan(40);
  });
});
