import { describe, expect, it } from "vitest";
import { DEFAULT_TOLERANCE, compareAnswer, parseAnswer } from "@/lib/answers";
import * as float64 from "@/lib/reference/float64";
import { memoryAndPositions } from "@/exercises/groups/memory-and-positions";

/**
 * Answers typed as a learner would, for seed 1 of each exercise (inputs pinned in
 * reference-values.test.ts), graded with lib/answers: correct or not, and which wrong
 * methods' values they match.
 */
const CASES: { name: string; slug: string; step: string; text: string; correct: boolean; matches: string[] }[] = [
  { name: "bytes as an expression", slug: "kv-cache-gqa-bytes", step: "bytesPerTokenLayer", text: "2*8*128*1 bytes", correct: true, matches: [] },
  { name: "total typed in GiB", slug: "kv-cache-gqa-bytes", step: "totalBytes", text: "1 GiB", correct: true, matches: [] },
  { name: "total in bits-as-bytes", slug: "kv-cache-gqa-bytes", step: "totalBytes", text: "8 GiB", correct: false, matches: ["bits-not-bytes"] },
  { name: "MiB answer in MiB", slug: "kv-cache-gqa-bytes", step: "totalMiB", text: "1024 MiB", correct: true, matches: [] },
  { name: "MiB answer typed as MB is converted", slug: "kv-cache-gqa-bytes", step: "totalMiB", text: "1073.7 MB", correct: true, matches: [] },
  { name: "MB figure labelled MiB", slug: "kv-cache-gqa-bytes", step: "totalMiB", text: "1073.7 MiB", correct: false, matches: ["mb-vs-mib"] },
  { name: "bare MB figure", slug: "kv-cache-gqa-bytes", step: "totalMiB", text: "1073.74", correct: false, matches: ["mb-vs-mib"] },
  { name: "K or V only", slug: "kv-cache-gqa-bytes", step: "totalMiB", text: "512 MiB", correct: false, matches: ["forgot-k-or-v"] },
  { name: "sum of prefixes", slug: "kv-cache-decode-work", step: "totalWithout", text: "15+16+17+18+19", correct: true, matches: [] },
  { name: "0-based slip", slug: "kv-cache-decode-work", step: "stepWithout", text: "16", correct: false, matches: ["off-by-one-position"] },
  { name: "SwiGLU width as a fraction", slug: "parameter-counts", step: "swigluHidden", text: "8*3072/3", correct: true, matches: [] },
  { name: "one FFN matrix", slug: "parameter-counts", step: "ffn", text: "4*3072^2", correct: false, matches: ["ffn-as-4d2"] },
  { name: "crossover at 4d", slug: "attention-ffn-flop-crossover", step: "crossover", text: "4*2048", correct: true, matches: [] },
  { name: "visibility row", slug: "sliding-window-visibility", step: "mask", text: "[0, 1, 1, 1, 1, 0, 0, 0]", correct: true, matches: [] },
  {
    name: "window one too wide",
    slug: "sliding-window-visibility",
    step: "mask",
    text: "[1, 1, 1, 1, 1, 0, 0, 0]",
    correct: false,
    matches: ["off-by-one-window"],
  },
  { name: "window ignoring causality", slug: "sliding-window-visibility", step: "count", text: "7", correct: false, matches: ["ignored-causal"] },
  { name: "rotated pair, 3 decimals", slug: "rope-rotation", step: "rotated", text: "[-4.236, 0.238]", correct: true, matches: [] },
  {
    name: "rotated clockwise",
    slug: "rope-rotation",
    step: "rotated",
    text: "[3*cos(2.3)+3*sin(2.3), -3*sin(2.3)+3*cos(2.3)]",
    correct: false,
    matches: ["rotated-wrong-direction"],
  },
  { name: "ALiBi row", slug: "alibi-bias-row", step: "biasRow", text: "[-2.5, -2, -1.5, -1, -0.5, 0]", correct: true, matches: [] },
  { name: "ALiBi with positive sign", slug: "alibi-bias-row", step: "biasRow", text: "[2.5, 2, 1.5, 1, 0.5, 0]", correct: false, matches: ["positive-bias"] },
  { name: "PE as an expression", slug: "sinusoidal-pe-value", step: "value", text: "cos(2.3)", correct: true, matches: [] },
  { name: "PE with sine on an odd dimension", slug: "sinusoidal-pe-value", step: "value", text: "sin(2.3)", correct: false, matches: ["sin-cos-swapped"] },
  { name: "residual product", slug: "residual-gradient-chain", step: "residual", text: "1.2*1.8*2.4*2.4*1.5*1.9", correct: true, matches: [] },
  {
    name: "residual as the plain product",
    slug: "residual-gradient-chain",
    step: "residual",
    text: "0.14112",
    correct: false,
    matches: ["forgot-identity-path"],
  },
];

describe("typed answers for seed 1", () => {
  it.each(CASES)("$slug / $name", ({ slug, step: key, text, correct, matches }) => {
    const exercise = memoryAndPositions.find((e) => e.slug === slug);
    const step = exercise?.steps.find((s) => s.key === key);
    if (exercise === undefined || step === undefined) throw new Error(`missing ${slug}.${key}`);
    const parsed = parseAnswer(text, step.answer);
    if (!parsed.ok) throw new Error(`${text}: ${parsed.message}`);
    const tolerance = step.tolerance ?? DEFAULT_TOLERANCE;
    const reference = exercise.solve(1, float64)[key];
    if (reference === undefined) throw new Error(`no reference for ${key}`);
    expect(compareAnswer(parsed, reference, tolerance).correct).toBe(correct);
    const matched = exercise
      .wrongMethods(1, float64)
      .filter((wrong) => {
        const value = wrong.values[key];
        return value !== undefined && compareAnswer(parsed, value, tolerance).correct;
      })
      .map((wrong) => wrong.code);
    expect(matched).toEqual(matches);
  });
});
