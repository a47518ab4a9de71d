// The workload simulator on the app's own scheduler: counts that follow from
// the learning steps, seeded reproducibility, and what retention does to work
// and knowledge.
import { describe, expect, it } from "vitest";
import { DEFAULT_SCHEDULER_SETTINGS, applyRating, forgettingCurve, retrievabilityAt, type SchedulingState } from "@/lib/scheduling";
import { simulateWorkload, type RatingHabits, type SimulationInput } from "@/lib/simulator/simulate-workload";

const DAY = 86_400_000;
const START = Date.parse("2026-03-02T07:00:00Z");
const dayStarts = (days: number) => Array.from({ length: days + 1 }, (_, d) => START + d * DAY);
const ALWAYS_GOOD: RatingHabits = { firstSight: [0, 0, 1, 0], recalled: [0, 0, 1, 0], step: [0, 0, 1, 0] };
const TYPICAL: RatingHabits = { firstSight: [0.24, 0.094, 0.495, 0.171], recalled: [0, 0.224, 0.631, 0.145], step: [0.1, 0.05, 0.8, 0.05] };
const SECONDS = { firstSight: 20, recalled: 8, forgotten: 23, step: 12 };

/** `count` cards reviewed a few times over the past months, each in the review state. */
function reviewedCards(count: number): SchedulingState[] {
  return Array.from({ length: count }, (_, i) => {
    let at = START - 120 * DAY + i * 60_000;
    let state = applyRating(null, 3, new Date(at), DEFAULT_SCHEDULER_SETTINGS).next;
    for (let k = 0; k < 1 + (i % 5); k += 1) {
      at = state.due.getTime();
      state = applyRating(state, 3, new Date(at), DEFAULT_SCHEDULER_SETTINGS).next;
    }
    return state;
  });
}

const input = (over: Partial<SimulationInput>): SimulationInput => ({
  cards: [],
  newCards: 0,
  newCardsPerDay: 0,
  dayStarts: dayStarts(30),
  settings: DEFAULT_SCHEDULER_SETTINGS,
  habits: TYPICAL,
  seconds: SECONDS,
  seed: 1,
  ...over,
});

describe("simulateWorkload", () => {
  it("a new card rated Good twice leaves its steps (1m, 10m) on its first day: two answers, first sight plus one step", async () => {
    const result = await simulateWorkload(input({ newCards: 6, newCardsPerDay: 4, habits: ALWAYS_GOOD, dayStarts: dayStarts(2) }));
    expect(result.days.map((d) => d.newCards)).toEqual([4, 2]);
    expect(result.days.map((d) => d.reviews)).toEqual([8, 4]);
    expect(result.days[0]?.seconds).toBe(4 * (SECONDS.firstSight + SECONDS.step));
    // Knowledge is the expected number recalled: every seen card counts, none fully.
    expect(result.days[0]?.knowledge).toBeGreaterThan(3.5);
    expect(result.days[0]?.knowledge).toBeLessThan(4);
  });

  it("carries a fraction of a new card a day over to the next day", async () => {
    const result = await simulateWorkload(input({ newCards: 10, newCardsPerDay: 0.5, dayStarts: dayStarts(6) }));
    expect(result.days.map((d) => d.newCards)).toEqual([0, 1, 0, 1, 0, 1]);
  });

  it("answers exactly the cards due that day: one answer when recalled, Again and a relearning step when forgotten", async () => {
    const cards = reviewedCards(300);
    const result = await simulateWorkload(input({ cards, habits: ALWAYS_GOOD, dayStarts: dayStarts(1) }));
    const due = cards.filter((c) => c.due.getTime() < START + DAY).length;
    expect(due).toBeGreaterThan(0);
    // Recalled cards take one answer; a forgotten one is relearned (Again, then a Good step).
    const day = result.days[0];
    const forgotten = Math.round(((day?.seconds ?? 0) - due * SECONDS.recalled) / (SECONDS.forgotten + SECONDS.step - SECONDS.recalled));
    expect(forgotten).toBeGreaterThanOrEqual(0);
    expect(forgotten).toBeLessThan(due / 3);
    expect(day?.seconds).toBe((due - forgotten) * SECONDS.recalled + forgotten * (SECONDS.forgotten + SECONDS.step));
    expect(day?.reviews).toBe(due + forgotten);
  });

  it("gives the same year for the same seed and another for another seed", async () => {
    const cards = reviewedCards(200);
    const base = input({ cards, newCards: 100, newCardsPerDay: 5, dayStarts: dayStarts(60) });
    const a = await simulateWorkload(base);
    const b = await simulateWorkload(base);
    const c = await simulateWorkload({ ...base, seed: 2 });
    expect(b).toEqual(a);
    expect(c.days.map((d) => d.reviews)).not.toEqual(a.days.map((d) => d.reviews));
  });

  it("costs more reviews and keeps more cards known at a higher retention", async () => {
    const cards = reviewedCards(400);
    const at = (desiredRetention: number) =>
      simulateWorkload(
        input({ cards, newCards: 200, newCardsPerDay: 5, dayStarts: dayStarts(120), settings: { ...DEFAULT_SCHEDULER_SETTINGS, desiredRetention } }),
      );
    const [low, high] = [await at(0.8), await at(0.95)];
    expect(high.totalReviews).toBeGreaterThan(low.totalReviews * 1.3);
    expect(high.totalSeconds).toBeGreaterThan(low.totalSeconds);
    expect(high.knowledgeEnd).toBeGreaterThan(low.knowledgeEnd);
  });

  it("yields through the pause it is given", async () => {
    let pauses = 0;
    await simulateWorkload(input({ cards: reviewedCards(50), dayStarts: dayStarts(10) }), () => {
      pauses += 1;
      return undefined;
    });
    expect(pauses).toBeGreaterThanOrEqual(10);
  });
});

describe("forgettingCurve", () => {
  it("is ts-fsrs's retrievability to 1e-8, with default and fitted weights", () => {
    const fitted = [0.3, 1.2, 3.1, 9.5, 6.2, 0.7, 2.8, 0.01, 1.6, 0.15, 0.9, 1.5, 0.07, 0.3, 1.7, 0.5, 2.1, 0.5, 0.1, 0.06, 0.25];
    for (const weights of [[], fitted]) {
      const settings = { ...DEFAULT_SCHEDULER_SETTINGS, weights };
      const curve = forgettingCurve(settings);
      const state = applyRating(null, 3, new Date(START), settings).next;
      const reviewed = applyRating(state, 3, state.due, settings).next;
      // Whole days only: ts-fsrs counts elapsed time in whole UTC calendar days.
      for (const days of [1, 3, 10, 40, 365]) {
        const now = new Date((reviewed.lastReview?.getTime() ?? 0) + days * DAY);
        expect(curve(days, reviewed.stability)).toBeCloseTo(retrievabilityAt(reviewed, now, settings) ?? Number.NaN, 7);
      }
    }
  });
});
