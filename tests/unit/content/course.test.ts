import { beforeAll, describe, expect, it } from "vitest";
import { loadModuleDir } from "@/lib/content/load-module-dir";
import { parseModuleSource } from "@/lib/content/parse-module";
import { DEFAULT_COURSE_DIR } from "@/lib/content/seed-course";
import type { ParsedModule } from "@/lib/content/schemas";
import { EXERCISES as EXERCISE_CATALOGUE } from "@/exercises";
import { DRAWING_PROMPTS } from "@/exercises/drawings";

/** Every exercise and drawing prompt of the catalogue: each must be reachable from a module file. */
const EXERCISES = [...EXERCISE_CATALOGUE, ...DRAWING_PROMPTS].map((e) => e.slug);

let course: ParsedModule;
beforeAll(async () => {
  course = parseModuleSource(await loadModuleDir(DEFAULT_COURSE_DIR), { knownExerciseSlugs: EXERCISES });
});

const recall = () => course.cards.filter((c) => c.role === "RECALL" && c.kind !== "EXERCISE");
const interview = () => course.cards.filter((c) => c.role === "INTERVIEW");
const corpus = () => course.cards.map((c) => `${c.front}\n${c.back}`).join("\n");

describe("the Transformer architecture course", () => {
  it("parses without skipped lines or warnings", () => {
    expect(course.slug).toBe("transformer-architecture");
    expect(course.skipped).toEqual([]);
    expect(course.warnings).toEqual([]);
  });

  it("has at least 60 recall cards of every kind", () => {
    expect(recall().length).toBeGreaterThanOrEqual(60);
    for (const kind of ["BASIC", "REVERSED", "CLOZE"] as const) {
      expect(recall().filter((c) => c.kind === kind).length, kind).toBeGreaterThanOrEqual(5);
    }
  });

  it("marks every card's difficulty on the item or its heading, and uses all three", () => {
    expect(course.cards.filter((c) => c.difficultyFrom !== "item" && c.difficultyFrom !== "heading")).toEqual([]);
    expect(new Set(course.cards.map((c) => c.difficulty))).toEqual(new Set(["EASY", "MEDIUM", "HARD"]));
  });

  it("gives every interview question a strong answer, a wrong answer to avoid and 2–5 key points", () => {
    expect(interview().length).toBeGreaterThanOrEqual(10);
    for (const card of interview()) {
      expect(card.back.length, card.externalId).toBeGreaterThan(80);
      expect(card.commonWrongAnswer, card.externalId).toBeTruthy();
      expect(card.keyPoints.length, card.externalId).toBeGreaterThanOrEqual(2);
      expect(card.keyPoints.length, card.externalId).toBeLessThanOrEqual(5);
    }
  });

  it("has unique external ids for cards and checklist items", () => {
    const ids = course.cards.map((c) => c.externalId);
    expect(new Set(ids).size).toBe(ids.length);
    const checks = course.checklist.map((c) => c.externalId);
    expect(new Set(checks).size).toBe(checks.length);
  });

  it("links every catalogue exercise and drawing prompt from a module file, once", () => {
    const slugs = course.cards.filter((c) => c.kind === "EXERCISE").map((c) => c.exerciseSlug);
    expect(slugs.sort()).toEqual([...EXERCISES].sort());
  });

  it("has a sectioned health check with evidence rules on known exercises", () => {
    expect(course.checklist.length).toBeGreaterThanOrEqual(10);
    expect(new Set(course.checklist.map((c) => c.section)).size).toBeGreaterThanOrEqual(3);
    const rules = course.checklist.flatMap((c) => (c.evidenceRule ? [c.evidenceRule] : []));
    expect(rules.length).toBeGreaterThanOrEqual(3);
    expect(rules).toContainEqual({ kind: "exercise-passed", exerciseSlug: "causal-mask-row", distinctDays: 3 });
    for (const rule of rules) expect(EXERCISES).toContain(rule.exerciseSlug);
  });

  it.each([
    ["hc-residual-gradient", "residual-gradient-chain"],
    ["hc-kv-latency", "kv-cache-decode-work"],
    ["hc-window", "sliding-window-visibility"],
  ])("lets %s tick itself from %s", (itemId, exerciseSlug) => {
    const item = course.checklist.find((c) => c.externalId === itemId);
    expect(item?.evidenceRule).toEqual({ kind: "exercise-passed", exerciseSlug, distinctDays: 3 });
  });

  it.each([
    "residual stream",
    "LayerNorm",
    "RMSNorm",
    "pre-norm",
    "post-norm",
    "FFN",
    "multi-head",
    "encoder",
    "cross-attention",
    "causal mask",
    "KV cache",
    "sinusoidal",
    "learned absolute",
    "RoPE",
    "ALiBi",
    "SwiGLU",
    "GQA",
    "MQA",
    "FlashAttention",
    "paged",
    "sliding-window",
    "GELU",
    "erf",
    "position interpolation",
    "NTK",
    "YaRN",
    "attention sink",
    "tokens/s",
    "$4d^2$",
    "$8d^2$",
    "6N",
  ])("covers %s", (term) => {
    expect(corpus().toLowerCase()).toContain(term.toLowerCase());
  });

  it.each([
    ["LayerNorm of [2, 4]", "[−1, 1]"],
    ["RMSNorm of [2, 4]", "\\sqrt{10} \\approx 3.16"],
    ["RMSNorm of [2, 4] output", "[0.63, 1.26]"],
    ["LayerNorm of [2, 4, 6]", "[−1.225, 0, 1.225]"],
    ["MHA cache", "62.5 MiB"],
    ["GQA cache", "15.6 MiB"],
  ])("carries the worked number for %s", (_name, text) => {
    expect(corpus()).toContain(text);
  });
});
