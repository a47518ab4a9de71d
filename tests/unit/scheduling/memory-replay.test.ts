// The memory replay (fuzz off, for rescheduling) gives the memory state the
// full replay gives, for histories with lapses, same-day steps and a study clock.
import { describe, expect, it } from "vitest";
import { DEFAULT_SCHEDULER_SETTINGS, replayReviews, type Rating, type ReplayEvent, type SchedulerSettings } from "@/lib/scheduling";
import { memoryReplayer } from "@/lib/scheduling/memory-replay";

const HOUR = 3_600_000;
const WEIGHTS = [0.3, 1.1, 2.9, 14, 6.5, 0.6, 2.2, 0.01, 1.5, 0.15, 1.0, 1.9, 0.1, 0.3, 2.3, 0.25, 2.9, 0.5, 0.3, 0.1, 0.2];

const CASES: { name: string; settings: SchedulerSettings; ratings: Rating[] }[] = [
  { name: "defaults, all Good", settings: DEFAULT_SCHEDULER_SETTINGS, ratings: [3, 3, 3, 3, 3, 3] },
  { name: "a lapse and a recovery", settings: DEFAULT_SCHEDULER_SETTINGS, ratings: [3, 3, 3, 1, 3, 3, 4, 2] },
  {
    name: "fitted weights, Tokyo study days from 04:00, steps 5m 30m",
    settings: { ...DEFAULT_SCHEDULER_SETTINGS, weights: WEIGHTS, learningStepsMinutes: [5, 30], studyClock: { timeZone: "Asia/Tokyo", dayStartHour: 4 } },
    ratings: [1, 3, 3, 3, 2, 3, 1, 1, 3, 4],
  },
];

describe("memoryReplayer", () => {
  it.each(CASES)("$name: the same stability and difficulty as replayReviews", ({ settings, ratings }) => {
    const events: ReplayEvent[] = [];
    let at = Date.UTC(2026, 0, 5, 13, 30);
    for (const rating of ratings) {
      events.push({ kind: "review", rating, at: new Date(at), durationMs: null });
      const state = replayReviews(events, settings).state;
      at = Math.max(at + 60_000, (state?.due.getTime() ?? at) + 3 * HOUR);
    }
    const full = replayReviews(events, settings).state;
    const memory = memoryReplayer(settings)(events.flatMap((e) => (e.kind === "review" ? [{ rating: e.rating, at: e.at }] : [])));
    expect(memory).toEqual({ stability: full?.stability, difficulty: full?.difficulty });
  });

  it("an empty history has no memory state", () => {
    expect(memoryReplayer(DEFAULT_SCHEDULER_SETTINGS)([])).toBeNull();
  });
});
