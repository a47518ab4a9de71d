// The minimum recommended retention: the cheapest point of its own sweep,
// found the same way every time, on a sample that keeps the proportions.
import { describe, expect, it } from "vitest";
import { DEFAULT_SCHEDULER_SETTINGS } from "@/lib/scheduling";
import { minimumRecommendedRetention, sampleInput } from "@/lib/simulator/recommended-retention";
import type { SimulationInput } from "@/lib/simulator/simulate-workload";
import { answerProfile, DEFAULT_HABITS, DEFAULT_SECONDS } from "@/lib/simulator/simulation-data";

const DAY = 86_400_000;
const START = Date.parse("2026-03-02T07:00:00Z");

const input: SimulationInput = {
  cards: [],
  newCards: 300,
  newCardsPerDay: 10,
  dayStarts: Array.from({ length: 91 }, (_, d) => START + d * DAY),
  settings: DEFAULT_SCHEDULER_SETTINGS,
  habits: DEFAULT_HABITS,
  seconds: DEFAULT_SECONDS,
  seed: 3,
};

describe("minimumRecommendedRetention", () => {
  it("returns the cheapest retention it tried, refined around the best coarse one, the same every time", async () => {
    const found = await minimumRecommendedRetention(input);
    const cheapest = [...found.sweep].sort((a, b) => a.secondsPerCardKnown - b.secondsPerCardKnown)[0];
    expect(found.retention).toBe(cheapest?.retention);
    expect(found.retention).toBeGreaterThanOrEqual(0.7);
    expect(found.retention).toBeLessThanOrEqual(0.97);
    expect(found.sweep.map((p) => p.retention)).toEqual(expect.arrayContaining([0.7, 0.75, 0.8, 0.85, 0.9, 0.95]));
    expect(found.sweep.length).toBeGreaterThanOrEqual(8);
    expect(found.sampleCards).toBe(300);
    expect(await minimumRecommendedRetention(input)).toEqual(found);
  }, 60_000);
});

describe("sampleInput", () => {
  it("keeps a small input whole", () => {
    expect(sampleInput(input, 1000)).toBe(input);
  });
  it("scales the unseen cards and the new cards per day by the same share", () => {
    const sample = sampleInput({ ...input, newCards: 4000, newCardsPerDay: 20 }, 1000);
    expect(sample.newCards).toBe(1000);
    expect(sample.newCardsPerDay).toBe(5);
  });
});

describe("answerProfile", () => {
  it("falls back to the defaults for each kind with fewer than 20 answers", () => {
    const profile = answerProfile([{ kind: "first", rating: 3, count: 5, timed: 5, medianMs: 4000 }]);
    expect(profile).toEqual({ habits: DEFAULT_HABITS, seconds: DEFAULT_SECONDS, fromLog: { habits: false, seconds: false } });
  });
  it("reads rating odds and count-weighted median seconds from the log", () => {
    const profile = answerProfile([
      { kind: "review", rating: 1, count: 20, timed: 20, medianMs: 30_000 },
      { kind: "review", rating: 3, count: 60, timed: 60, medianMs: 6000 },
      { kind: "review", rating: 4, count: 20, timed: 10, medianMs: 3000 },
    ]);
    expect(profile.habits.recalled).toEqual([0, 0, 0.75, 0.25]);
    expect(profile.seconds.recalled).toBeCloseTo((60 * 6 + 10 * 3) / 70, 9);
    expect(profile.seconds.forgotten).toBe(30);
    expect(profile.habits.firstSight).toEqual(DEFAULT_HABITS.firstSight);
    expect(profile.fromLog).toEqual({ habits: true, seconds: true });
  });
});
