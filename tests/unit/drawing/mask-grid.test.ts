// The mask grader, per kind: the right grid passes, each known wrong mask is
// named, single wrong cells are marked missing or extra, a wrong size is refused.
import { describe, expect, it } from "vitest";
import { findDrawingPrompt } from "@/exercises/drawings";
import { gradeMask, maskFrom, referenceMask, type Mask } from "@/lib/drawing/mask-grid";
import type { MaskSetup } from "@/lib/drawing/drawing-prompt";

const SEEDS = [0, 1, 2, 7, 42, 99, 1234, 65535, 987654321, 2 ** 31 - 1];

type Sizes = { n: number; w: number; p: number };
type Case = { name: string; slug: string; grid: (s: Sizes) => Mask; code: string | null };

const causal = (n: number) => maskFrom(n, (i, j) => j <= i);
const band = (n: number, w: number) => maskFrom(n, (i, j) => j <= i && j > i - w);
const prefix = (n: number, p: number) => maskFrom(n, (i, j) => j < p || j <= i);
const full = (n: number) => maskFrom(n, () => true);

const CASES: Case[] = [
  { name: "causal: right", slug: "causal-mask-grid", grid: (s) => causal(s.n), code: null },
  { name: "causal: upper triangle", slug: "causal-mask-grid", grid: (s) => maskFrom(s.n, (i, j) => j >= i), code: "transposed-mask" },
  { name: "causal: diagonal left out", slug: "causal-mask-grid", grid: (s) => maskFrom(s.n, (i, j) => j < i), code: "diagonal-left-out" },
  { name: "causal: no mask", slug: "causal-mask-grid", grid: (s) => full(s.n), code: "no-mask" },
  { name: "window: right", slug: "sliding-window-mask-grid", grid: (s) => band(s.n, s.w), code: null },
  { name: "window: one too wide", slug: "sliding-window-mask-grid", grid: (s) => band(s.n, s.w + 1), code: "window-off-by-one" },
  { name: "window: one too narrow", slug: "sliding-window-mask-grid", grid: (s) => band(s.n, s.w - 1), code: "window-off-by-one" },
  { name: "window: plain causal", slug: "sliding-window-mask-grid", grid: (s) => causal(s.n), code: "causal-not-windowed" },
  { name: "window: skips itself", slug: "sliding-window-mask-grid", grid: (s) => maskFrom(s.n, (i, j) => j < i && j >= i - s.w), code: "diagonal-left-out" },
  { name: "window: looks ahead", slug: "sliding-window-mask-grid", grid: (s) => maskFrom(s.n, (i, j) => Math.abs(i - j) < s.w), code: "window-sees-future" },
  { name: "window: transposed", slug: "sliding-window-mask-grid", grid: (s) => maskFrom(s.n, (i, j) => j >= i && j < i + s.w), code: "transposed-mask" },
  { name: "encoder: right", slug: "bidirectional-mask-grid", grid: (s) => full(s.n), code: null },
  { name: "encoder: causal drawn", slug: "bidirectional-mask-grid", grid: (s) => causal(s.n), code: "causal-for-encoder" },
  { name: "encoder: diagonal left out", slug: "bidirectional-mask-grid", grid: (s) => maskFrom(s.n, (i, j) => i !== j), code: "diagonal-left-out" },
  { name: "prefix: right", slug: "prefix-lm-mask-grid", grid: (s) => prefix(s.n, s.p), code: null },
  { name: "prefix: treated causally", slug: "prefix-lm-mask-grid", grid: (s) => causal(s.n), code: "prefix-treated-causally" },
  { name: "prefix: no mask", slug: "prefix-lm-mask-grid", grid: (s) => full(s.n), code: "no-mask" },
  { name: "prefix: one too wide", slug: "prefix-lm-mask-grid", grid: (s) => prefix(s.n, s.p + 1), code: "prefix-off-by-one" },
  { name: "prefix: one too narrow", slug: "prefix-lm-mask-grid", grid: (s) => prefix(s.n, s.p - 1), code: "prefix-off-by-one" },
  { name: "prefix: transposed", slug: "prefix-lm-mask-grid", grid: (s) => maskFrom(s.n, (i, j) => i < s.p || i <= j), code: "transposed-mask" },
];

function setupOf(slug: string, seed: number) {
  const prompt = findDrawingPrompt(slug);
  if (!prompt) throw new Error(slug);
  const setup = prompt.variant(seed).setup as MaskSetup;
  return { prompt, sizes: { n: setup.n, w: setup.window ?? 0, p: setup.prefix ?? 0 } };
}

describe("mask grids", () => {
  describe.each(CASES)("$name", ({ slug, grid, code }) => {
    it.each(SEEDS)("seed %i", (seed) => {
      const { prompt, sizes } = setupOf(slug, seed);
      const answer = { kind: "mask-grid" as const, grid: grid(sizes) };
      expect(prompt.check(seed, answer)).toBeNull();
      const result = prompt.grade(seed, answer);
      expect(result.correct).toBe(code === null);
      expect(result.score === 1).toBe(code === null);
      expect(result.misconceptions.map((m) => m.code)).toEqual(code ? [code] : []);
      expect(result.items).toHaveLength(sizes.n * sizes.n);
    });
  });

  it.each([
    { name: "one cell left empty", flip: [3, 1] as const, problem: "missing" },
    { name: "one future cell filled", flip: [1, 3] as const, problem: "extra" },
  ])("marks a single wrong cell: $name", ({ flip, problem }) => {
    const reference = referenceMask({ kind: "causal", n: 5 });
    const grid = reference.map((row, i) => row.map((v, j) => (i === flip[0] && j === flip[1] ? !v : v)));
    const result = gradeMask(reference, grid, []);
    expect(result.correct).toBe(false);
    expect(result.score).toBe(0.96);
    expect(result.items.filter((c) => !c.correct)).toEqual([
      { key: `${flip[0]},${flip[1]}`, label: `query ${flip[0]} → key ${flip[1]}`, correct: false, problem },
    ]);
    expect(result.misconceptions).toEqual([]);
    expect(result.feedback).toMatch(/^1 cell wrong/);
  });

  it.each([
    { name: "too few rows", grid: causal(4), issue: /5 rows/ },
    { name: "a short row", grid: [...causal(5).slice(0, 4), [true, true]], issue: /Row 4 must have 5 cells/ },
    { name: "too many rows", grid: causal(6), issue: /5 rows/ },
  ])("refuses a grid of the wrong size: $name", ({ grid, issue }) => {
    const seed = SEEDS.find((s) => setupOf("causal-mask-grid", s).sizes.n === 5) ?? -1;
    const { prompt } = setupOf("causal-mask-grid", seed);
    expect(prompt.check(seed, { kind: "mask-grid", grid })).toMatch(issue);
    expect(gradeMask(referenceMask({ kind: "causal", n: 5 }), grid, []).score).toBe(0);
  });

  it("refuses an answer of another kind", () => {
    const { prompt } = setupOf("causal-mask-grid", 1);
    expect(prompt.check(1, { kind: "sketch", strokes: [[[0, 0]]], ticked: [] })).toMatch(/mask-grid answer/);
  });
});
