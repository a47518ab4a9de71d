// What load balancing and easy days do to a simulated learner's workload:
// 1,000 cards learned 200 a day over the first five days (a clump, the case
// balancing is for), every recalled card rated Good, so the reviews of days
// 30–59 are the cards that fall due on them: the 30-day due forecast the
// learner would have seen on day 30.
import { describe, expect, it } from "vitest";
import { DEFAULT_SCHEDULER_SETTINGS } from "@/lib/scheduling";
import { simulateWorkload, type RatingHabits, type SimulationInput } from "@/lib/simulator/simulate-workload";

const DAY = 86_400_000;
/** A Monday. */
const START = Date.parse("2026-03-02T07:00:00Z");
const ALWAYS_GOOD: RatingHabits = { firstSight: [0, 0, 1, 0], recalled: [0, 0, 1, 0], step: [0, 0, 1, 0] };
const NORMAL = [100, 100, 100, 100, 100, 100, 100];
const SUNDAY_OFF = [100, 100, 100, 100, 100, 100, 0];

const learner = (balancing: SimulationInput["balancing"]): SimulationInput => ({
  cards: [],
  newCards: 1_000,
  newCardsPerDay: 200,
  dayStarts: Array.from({ length: 61 }, (_, d) => START + d * DAY),
  settings: DEFAULT_SCHEDULER_SETTINGS,
  habits: ALWAYS_GOOD,
  seconds: { firstSight: 20, recalled: 8, forgotten: 23, step: 12 },
  seed: 1,
  balancing,
});

/** Reviews on days 30–59, the population standard deviation and max − min of them. */
async function window(balancing: SimulationInput["balancing"]) {
  const days = (await simulateWorkload(learner(balancing))).days.slice(30, 60).map((d) => d.reviews);
  const mean = days.reduce((a, b) => a + b, 0) / days.length;
  const std = Math.sqrt(days.reduce((a, b) => a + (b - mean) ** 2, 0) / days.length);
  return { days, std, range: Math.max(...days) - Math.min(...days) };
}

describe("load balancing on a simulated learner", () => {
  it("flattens the 30-day forecast: std dev 22.3 → 6.2 cards a day, max − min 85 → 24 (measured, seed 1)", async () => {
    const plain = await window(undefined);
    const balanced = await window({ loadBalancing: true, easyDays: NORMAL, firstWeekday: 0 });
    expect(plain.std).toBeCloseTo(22.3, 1);
    expect(plain.range).toBe(85);
    expect(balanced.std).toBeCloseTo(6.2, 1);
    expect(balanced.range).toBe(24);
    expect(balanced.std).toBeLessThan(plain.std / 2);
  });

  it("with Sunday at 0%, Sundays carry only cards under 2.5 days (relearned ones): 4.8 a Sunday against 20.5 on other days", async () => {
    const { days } = await window({ loadBalancing: true, easyDays: SUNDAY_OFF, firstWeekday: 0 });
    // Day 30 is a Wednesday (30 mod 7 = 2), so Sundays are days 34, 41, 48, 55: indexes 4, 11, 18, 25.
    const sundays = days.filter((_, i) => (30 + i) % 7 === 6);
    const others = days.filter((_, i) => (30 + i) % 7 !== 6);
    const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
    expect(sundays).toHaveLength(4);
    expect(mean(sundays)).toBeCloseTo(4.75, 2);
    expect(mean(others)).toBeCloseTo(20.46, 1);
    expect(mean(sundays)).toBeLessThan(mean(others) / 3);
  });

  it("the same input gives the same days, balanced or not", async () => {
    const on = { loadBalancing: true, easyDays: SUNDAY_OFF, firstWeekday: 0 };
    expect((await window(on)).days).toEqual((await window(on)).days);
  });
});
