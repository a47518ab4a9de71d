// Golden sequences: full rating histories of one card at fixed instants, with
// the dues, states and memory values pinned. Computed once with this code
// (ts-fsrs 5.4.2, FSRS-6 default weights, fuzz on) and checked by hand against
// FSRS-6: first-rating stability is w[rating-1] (Good 2.3065, Easy 8.2956),
// initial difficulty w4 − e^{(G−1)·w5} + 1 (Good 2.118; Easy clamps to 1), at
// 90% retention a review interval is the stability fuzzed by a few days, and
// a lapse cuts stability to a few days while difficulty jumps. A change here
// means a ts-fsrs upgrade or a seed change altered real users' schedules.
import { describe, expect, it } from "vitest";
import { get_fuzz_range } from "ts-fsrs";
import { DEFAULT_SCHEDULER_SETTINGS, applyRating, previewRatings, type FsrsStateName, type Rating, type SchedulingState } from "@/lib/scheduling";

type Step = {
  rating: Rating;
  due: string;
  state: FsrsStateName;
  stability: number;
  difficulty: number;
  scheduledDays: number;
  reps: number;
  lapses: number;
};

type Sequence = { name: string; start: string; daysLate: number; steps: Step[] };

const SEQUENCES: Sequence[] = [
  {
    name: "learn, three good reviews, a lapse, relearn, hard then easy (reviewed on time)",
    start: "2026-01-05T09:00:00.000Z",
    daysLate: 0,
    steps: [
      { rating: 3, due: "2026-01-05T09:10:00.000Z", state: "LEARNING", stability: 2.3065, difficulty: 2.11810397, scheduledDays: 0, reps: 1, lapses: 0 },
      { rating: 3, due: "2026-01-07T09:10:00.000Z", state: "REVIEW", stability: 2.3065, difficulty: 2.11121424, scheduledDays: 2, reps: 2, lapses: 0 },
      { rating: 3, due: "2026-01-16T09:10:00.000Z", state: "REVIEW", stability: 10.97104786, difficulty: 2.1043314, scheduledDays: 9, reps: 3, lapses: 0 },
      { rating: 3, due: "2026-02-23T09:10:00.000Z", state: "REVIEW", stability: 41.4964862, difficulty: 2.09745544, scheduledDays: 38, reps: 4, lapses: 0 },
      { rating: 1, due: "2026-02-23T09:20:00.000Z", state: "RELEARNING", stability: 2.78046786, difficulty: 7.38771571, scheduledDays: 0, reps: 5, lapses: 1 },
      { rating: 3, due: "2026-02-26T09:20:00.000Z", state: "REVIEW", stability: 2.78046786, difficulty: 7.37555636, scheduledDays: 3, reps: 6, lapses: 1 },
      { rating: 3, due: "2026-03-07T09:20:00.000Z", state: "REVIEW", stability: 7.61269892, difficulty: 7.36340917, scheduledDays: 9, reps: 7, lapses: 1 },
      { rating: 2, due: "2026-03-24T09:20:00.000Z", state: "REVIEW", stability: 14.80515045, difficulty: 8.23493651, scheduledDays: 17, reps: 8, lapses: 1 },
      { rating: 4, due: "2026-05-06T09:20:00.000Z", state: "REVIEW", stability: 43.86258269, difficulty: 7.63036291, scheduledDays: 43, reps: 9, lapses: 1 },
    ],
  },
  {
    name: "easy first, good reviews two days late, a lapse and a failed relearning step",
    start: "2026-01-05T09:00:00.000Z",
    daysLate: 2,
    steps: [
      { rating: 4, due: "2026-01-15T09:00:00.000Z", state: "REVIEW", stability: 8.2956, difficulty: 1, scheduledDays: 10, reps: 1, lapses: 0 },
      { rating: 3, due: "2026-03-08T09:00:00.000Z", state: "REVIEW", stability: 48.73131776, difficulty: 1, scheduledDays: 50, reps: 2, lapses: 0 },
      { rating: 3, due: "2026-09-12T09:00:00.000Z", state: "REVIEW", stability: 192.6170461, difficulty: 1, scheduledDays: 186, reps: 3, lapses: 0 },
      { rating: 1, due: "2026-09-14T09:10:00.000Z", state: "RELEARNING", stability: 5.22046923, difficulty: 7.02698957, scheduledDays: 0, reps: 4, lapses: 1 },
      { rating: 1, due: "2026-09-16T09:20:00.000Z", state: "RELEARNING", stability: 0.87880343, difficulty: 9.00802006, scheduledDays: 0, reps: 5, lapses: 1 },
      { rating: 3, due: "2026-09-22T09:20:00.000Z", state: "REVIEW", stability: 2.5158841, difficulty: 8.99424041, scheduledDays: 4, reps: 6, lapses: 1 },
    ],
  },
];

const DAY_MS = 86_400_000;

describe("golden FSRS sequences", () => {
  for (const sequence of SEQUENCES) {
    it(sequence.name, () => {
      let state: SchedulingState | null = null;
      let now = new Date(sequence.start);
      for (const [index, step] of sequence.steps.entries()) {
        const { next } = applyRating(state, step.rating, now, DEFAULT_SCHEDULER_SETTINGS);
        const where = `step ${index + 1} (rating ${step.rating} at ${now.toISOString()})`;
        expect(next.due.toISOString(), where).toBe(step.due);
        expect(next.state, where).toBe(step.state);
        expect(next.stability, where).toBeCloseTo(step.stability, 6);
        expect(next.difficulty, where).toBeCloseTo(step.difficulty, 6);
        expect({ scheduledDays: next.scheduledDays, reps: next.reps, lapses: next.lapses }, where).toEqual({
          scheduledDays: step.scheduledDays,
          reps: step.reps,
          lapses: step.lapses,
        });
        expect(next.lastReview?.toISOString(), where).toBe(now.toISOString());
        state = next;
        now = new Date(next.due.getTime() + sequence.daysLate * DAY_MS);
      }
    });
  }

  it("every pinned review interval lies in the fuzz range around its stability (90% retention)", () => {
    for (const sequence of SEQUENCES) {
      for (const step of sequence.steps.filter((s) => s.state === "REVIEW" && s.scheduledDays > 2)) {
        const { min_ivl, max_ivl } = get_fuzz_range(Math.round(step.stability), 0, 36500);
        expect(step.scheduledDays).toBeGreaterThanOrEqual(min_ivl);
        expect(step.scheduledDays).toBeLessThanOrEqual(max_ivl);
      }
    }
  });

  it("previews a new card with the default learning steps", () => {
    const now = new Date("2026-01-05T09:00:00.000Z");
    const previews = previewRatings(null, now, DEFAULT_SCHEDULER_SETTINGS);
    expect(previews.map((p) => [p.rating, p.intervalLabel, p.due.toISOString(), p.next.state])).toEqual([
      [1, "1m", "2026-01-05T09:01:00.000Z", "LEARNING"],
      [2, "6m", "2026-01-05T09:06:00.000Z", "LEARNING"],
      [3, "10m", "2026-01-05T09:10:00.000Z", "LEARNING"],
      [4, "10d", "2026-01-15T09:00:00.000Z", "REVIEW"],
    ]);
  });
});
