// A rescheduled card's interval: plain fuzz, or the balancer's day within the same range when the plain day is after today.
import { get_fuzz_range } from "ts-fsrs";
import { describe, expect, it } from "vitest";
import { createFsrs } from "@/lib/scheduling/fsrs-adapter";
import { DEFAULT_SCHEDULER_SETTINGS, NORMAL_EASY_DAYS, type Balancing } from "@/lib/scheduling";
import { reviewIntervalOf } from "@/lib/scheduling/review-interval";

const DAY_MS = 86_400_000;
const LAST_REVIEW = new Date("2026-03-02T08:30:00.000Z");
const MAX = DEFAULT_SCHEDULER_SETTINGS.maximumIntervalDays;
const card = (stability: number, reps: number) => ({ stability, difficulty: 5, elapsedDays: 6, reps, lastReview: LAST_REVIEW });
const unfuzzed = (stability: number) => createFsrs(DEFAULT_SCHEDULER_SETTINGS, "", { fuzz: false }).next_interval(stability, 6);

/** Seen from the last review's study day (a Monday): every day of the range full but `open`. */
function onlyOpen(open: number, earliest: number): { balancing: Balancing; earliest: number } {
  const counts = Array.from({ length: 120 }, (_, day) => (day === open ? 0 : 50));
  return { balancing: { loadBalancing: true, easyDays: NORMAL_EASY_DAYS, load: { firstOffset: 0, counts, weekday: 0 } }, earliest };
}

describe("reviewIntervalOf", () => {
  const intervalOf = reviewIntervalOf(DEFAULT_SCHEDULER_SETTINGS);

  it("is plain fuzz without balancing, the same each time", () => {
    const a = intervalOf(card(20, 5));
    expect(intervalOf(card(20, 5))).toEqual(a);
    expect(a.due.getTime() - LAST_REVIEW.getTime()).toBe(a.scheduledDays * DAY_MS);
  });

  it("takes the balancer's day within the same fuzz range when the plain day is after today", () => {
    const { min_ivl, max_ivl } = get_fuzz_range(unfuzzed(20), 6, MAX);
    for (let reps = 1; reps <= 20; reps += 1) {
      const plain = intervalOf(card(20, reps)).scheduledDays;
      const open = plain === max_ivl ? min_ivl : max_ivl;
      // The review was today (earliest 1): the empty day of the range wins.
      expect(intervalOf(card(20, reps), onlyOpen(open, 1)).scheduledDays).toBe(open);
    }
  });

  it("keeps the plain day when it is today or past, and never balances onto such a day", () => {
    const { min_ivl, max_ivl } = get_fuzz_range(unfuzzed(20), 6, MAX);
    for (let reps = 1; reps <= 20; reps += 1) {
      const plain = intervalOf(card(20, reps)).scheduledDays;
      // Reviewed long enough ago that the whole range is past: plain, whatever the load.
      expect(intervalOf(card(20, reps), onlyOpen(min_ivl, max_ivl + 1)).scheduledDays).toBe(plain);
      // Today is the range's first day: a card whose plain day is later goes after today, never onto the empty first day.
      const balanced = intervalOf(card(20, reps), onlyOpen(min_ivl, min_ivl + 1)).scheduledDays;
      if (plain <= min_ivl) expect(balanced).toBe(plain);
      else expect(balanced).toBeGreaterThan(min_ivl);
    }
  });
});
