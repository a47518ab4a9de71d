import { describe, expect, it } from "vitest";
import { EXERCISES } from "@/exercises";
import {
  availableItems,
  drawGrillItems,
  seedFromId,
  type DrawInput,
  type GrillDifficulty,
  type InterviewCandidate,
  type NumericCandidate,
} from "@/lib/grills/draw-items";
import { quickExercises, QUICK_STEP_LIMIT } from "@/lib/grills/numeric-pool";

const GRILL_ID = "6f1c2d3e-4b5a-4c6d-8e7f-901234567890";
const LEVELS: GrillDifficulty[] = ["EASY", "MEDIUM", "HARD"];

const interview: InterviewCandidate[] = Array.from({ length: 12 }, (_, i) => ({
  cardId: `card-${String(i).padStart(2, "0")}`,
  topic: `Topic ${i % 4}`,
  difficulty: LEVELS[i % 3] ?? "MEDIUM",
}));
const numeric: NumericCandidate[] = Array.from({ length: 6 }, (_, i) => ({
  slug: `ex-${i}`,
  topic: `Numbers ${i % 2}`,
  difficulty: LEVELS[i % 3] ?? "MEDIUM",
}));

function input(overrides: Partial<DrawInput> = {}): DrawInput {
  return { seed: seedFromId(GRILL_ID), length: 5, difficulty: null, interview, numeric, recentCardIds: new Set(), recentSlugs: new Set(), ...overrides };
}

function draw(overrides: Partial<DrawInput> = {}) {
  const outcome = drawGrillItems(input(overrides));
  if (!outcome.ok) throw new Error(`expected a draw, only ${outcome.available} available`);
  return outcome.items;
}

describe("drawGrillItems", () => {
  it.each([
    { name: "three questions: one numeric", length: 3, numericCount: 1 },
    { name: "five questions: one numeric", length: 5, numericCount: 1 },
    { name: "ten questions: three numeric", length: 10, numericCount: 3 },
    { name: "fifteen questions: five numeric", length: 15, numericCount: 5 },
    { name: "one question: interview only", length: 1, numericCount: 0 },
  ])("$name", ({ length, numericCount }) => {
    const items = draw({ length });
    expect(items.map((i) => i.position)).toEqual(Array.from({ length }, (_, i) => i));
    expect(items.filter((i) => i.kind === "numeric")).toHaveLength(numericCount);
    const keys = items.map((i) => (i.kind === "interview" ? i.cardId : i.exerciseSlug));
    expect(new Set(keys).size).toBe(length);
  });

  it.each([
    { name: "easy only", difficulty: "EASY" as const },
    { name: "medium only", difficulty: "MEDIUM" as const },
    { name: "hard only", difficulty: "HARD" as const },
  ])("$name: every item has that difficulty", ({ difficulty }) => {
    const byCard = new Map(interview.map((c) => [c.cardId, c.difficulty]));
    const bySlug = new Map(numeric.map((c) => [c.slug, c.difficulty]));
    const items = draw({ length: 5, difficulty });
    for (const item of items) {
      expect(item.kind === "interview" ? byCard.get(item.cardId) : bySlug.get(item.exerciseSlug)).toBe(difficulty);
    }
  });

  it.each([
    { name: "too long for the filter", length: 7, difficulty: "HARD" as const, available: 6 },
    { name: "too long for everything", length: 19, difficulty: null, available: 18 },
  ])("$name: not ok, with the count available", ({ length, difficulty, available }) => {
    expect(drawGrillItems(input({ length, difficulty }))).toEqual({ ok: false, available });
    expect(availableItems({ interview, numeric }, difficulty)).toBe(available);
  });

  it.each([
    { name: "numeric pool empty: all interview", overrides: { numeric: [], length: 6 }, numericCount: 0 },
    { name: "interview pool short: numeric fills in", overrides: { interview: interview.slice(0, 2), length: 6 }, numericCount: 4 },
  ])("$name", ({ overrides, numericCount }) => {
    expect(draw(overrides).filter((i) => i.kind === "numeric")).toHaveLength(numericCount);
  });

  it("is reproducible from the grill id, whatever order the candidates come in", () => {
    const a = draw({ length: 10 });
    const b = draw({ length: 10, interview: [...interview].reverse(), numeric: [...numeric].reverse() });
    expect(b).toEqual(a);
    const other = draw({ length: 10, seed: seedFromId("0b7d4c1e-0000-4000-8000-000000000001") });
    expect(other).not.toEqual(a);
  });

  it("gives numeric items their own variant seeds in the grader's range", () => {
    for (const item of draw({ length: 15 })) {
      if (item.kind === "numeric") expect(item.seed).toSatisfy((s: number) => Number.isInteger(s) && s >= 0 && s < 2 ** 31);
    }
  });

  it("prefers cards and exercises not asked in a recent grill", () => {
    const recentCardIds = new Set(interview.slice(0, 9).map((c) => c.cardId));
    const recentSlugs = new Set(numeric.slice(0, 5).map((c) => c.slug));
    const items = draw({ length: 4, recentCardIds, recentSlugs });
    const cards = items.flatMap((i) => (i.kind === "interview" ? [i.cardId] : []));
    expect(cards.every((id) => !recentCardIds.has(id))).toBe(true);
    expect(items.flatMap((i) => (i.kind === "numeric" ? [i.exerciseSlug] : []))).toEqual(["ex-5"]);
    // With only three fresh cards, a longer grill falls back on recent ones.
    expect(draw({ length: 10, recentCardIds }).filter((i) => i.kind === "interview")).toHaveLength(7);
  });

  it("copies each item's topic", () => {
    const topics = new Map<string, string>([...interview.map((c) => [c.cardId, c.topic] as const), ...numeric.map((c) => [c.slug, c.topic] as const)]);
    for (const item of draw({ length: 10 })) expect(item.topic).toBe(topics.get(item.kind === "interview" ? item.cardId : item.exerciseSlug));
  });
});

describe("seedFromId", () => {
  it.each([
    { name: "same id, same seed", a: GRILL_ID, b: GRILL_ID, same: true },
    { name: "one character apart", a: GRILL_ID, b: GRILL_ID.replace(/0$/, "1"), same: false },
  ])("$name", ({ a, b, same }) => {
    expect(seedFromId(a) === seedFromId(b)).toBe(same);
    expect(seedFromId(a)).toSatisfy((s: number) => Number.isInteger(s) && s >= 0 && s < 2 ** 32);
  });
});

describe("quickExercises", () => {
  it("takes only catalogue exercises with few steps", () => {
    const pool = quickExercises(EXERCISES);
    expect(pool.length).toBeGreaterThanOrEqual(6);
    for (const candidate of pool) expect(EXERCISES.find((e) => e.slug === candidate.slug)?.steps.length).toBeLessThanOrEqual(QUICK_STEP_LIMIT);
  });
});
