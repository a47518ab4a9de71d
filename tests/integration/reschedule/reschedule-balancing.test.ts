// Reschedule under load balancing and easy days, against real Postgres: the
// day of each card is the balancer's within its fuzz range, against a due
// load the run keeps as it places cards. A 0% weekday gets no card whose
// range has another day; balancing leaves a flatter forecast than plain fuzz;
// and a second run straight after the first moves nothing.
import { randomUUID } from "node:crypto";
import { fsrs } from "ts-fsrs";
import { beforeEach, describe, expect, it } from "vitest";
import { updateUserSettings } from "@/lib/data/user-settings";
import { runReschedule } from "@/lib/reschedule/reschedule";
import { undoReschedule } from "@/lib/reschedule/undo-reschedule";
import { balancedRange, studyDayNumber, weekdayOfDayNumber } from "@/lib/scheduling";
import { resetDb, testDb } from "../support/db";
import { learnerWithHistory } from "./reschedule-fixtures";

const DAY = 86_400_000;
const NOW = new Date();
const START = new Date(NOW.getTime() - 25 * DAY);
// The fixture's learner keeps the default clock: UTC, days from 04:00.
const CLOCK = { timeZone: "UTC", dayStartHour: 4 };
const TODAY = studyDayNumber(NOW.getTime(), CLOCK);
const SUNDAY = 6;
const FORECAST_DAYS = 30;
// The interval FSRS gives at the retention the tests set, before fuzz: the middle of each card's range.
const UNFUZZED = fsrs({ request_retention: 0.85, maximum_interval: 36500, enable_fuzz: false });

async function reviewStates(userId: string) {
  return testDb().cardState.findMany({ where: { userId, state: "REVIEW" }, orderBy: { cardId: "asc" } });
}

/** Review cards due on each of the next FORECAST_DAYS study days (tomorrow first). */
async function forecast(userId: string): Promise<number[]> {
  const counts = new Array<number>(FORECAST_DAYS).fill(0);
  for (const state of await reviewStates(userId)) {
    const offset = studyDayNumber(state.due.getTime(), CLOCK) - TODAY;
    if (offset >= 1 && offset <= FORECAST_DAYS) counts[offset - 1] = (counts[offset - 1] ?? 0) + 1;
  }
  return counts;
}

const sum = (counts: readonly number[]) => counts.reduce((total, n) => total + n, 0);

/** The population standard deviation of `counts`: how uneven the days are. */
function spread(counts: readonly number[]): number {
  const mean = sum(counts) / counts.length;
  return Math.sqrt(sum(counts.map((n) => (n - mean) ** 2)) / counts.length);
}

/**
 * Review cards due on a future Sunday although their fuzz range (the days
 * after today of it) holds another weekday: what a 0% Sunday must leave empty.
 */
async function avoidableSundays(userId: string): Promise<number> {
  let count = 0;
  for (const state of await reviewStates(userId)) {
    const due = studyDayNumber(state.due.getTime(), CLOCK);
    if (due <= TODAY || weekdayOfDayNumber(due) !== SUNDAY || !state.lastReview) continue;
    const reviewDay = studyDayNumber(state.lastReview.getTime(), CLOCK);
    const range = balancedRange(UNFUZZED.next_interval(state.stability, state.elapsedDays), state.elapsedDays, 36500);
    if (!range) continue;
    for (let d = Math.max(range.min, TODAY - reviewDay + 1); d <= range.max; d += 1) {
      if (weekdayOfDayNumber(reviewDay + d) !== SUNDAY) {
        count += 1;
        break;
      }
    }
  }
  return count;
}

describe("reschedule with load balancing and easy days", { timeout: 180_000 }, () => {
  beforeEach(resetDb);

  it("keeps every card off a 0% Sunday when its fuzz range has another day", async () => {
    const db = testDb();
    const { user } = await learnerWithHistory(db, { cards: 150, start: START, end: new Date(NOW.getTime() - DAY), seed: 21 });
    // Plain fuzz first: it does put such cards on Sundays, so the check below can fail.
    await updateUserSettings(db, user.id, { desiredRetention: 0.85, loadBalancing: false }, NOW);
    const plainRun = randomUUID();
    await runReschedule(db, user.id, { id: plainRun, reason: "RETENTION" }, new Date());
    expect(await avoidableSundays(user.id)).toBeGreaterThan(0);
    await undoReschedule(db, user.id, plainRun, new Date());

    // Easy days alone (load balancing off) are balancing: Sunday at 0% takes no card that has another day.
    await updateUserSettings(db, user.id, { easyDays: [100, 100, 100, 100, 100, 100, 0] }, NOW);
    const { run } = await runReschedule(db, user.id, { id: randomUUID(), reason: "BALANCING" }, new Date());
    expect(run.changedCards).toBeGreaterThan(0);
    expect(await avoidableSundays(user.id)).toBe(0);
  });

  it("leaves a flatter 30-day forecast than plain fuzz, and a second run straight after moves nothing", async () => {
    const db = testDb();
    // 300 cards introduced together 25 days ago: their reviews bunch on the same days.
    const { user } = await learnerWithHistory(db, { cards: 300, start: START, end: new Date(NOW.getTime() - DAY), seed: 5 });
    const before = await reviewStates(user.id);
    await updateUserSettings(db, user.id, { desiredRetention: 0.85, loadBalancing: false }, NOW);
    const plainRun = randomUUID();
    await runReschedule(db, user.id, { id: plainRun, reason: "RETENTION" }, new Date());
    const plain = await forecast(user.id);
    await undoReschedule(db, user.id, plainRun, new Date());
    const dues = (states: typeof before) => states.map((s) => s.due.getTime());
    expect(dues(await reviewStates(user.id))).toEqual(dues(before));

    await updateUserSettings(db, user.id, { loadBalancing: true }, NOW);
    const first = await runReschedule(db, user.id, { id: randomUUID(), reason: "BALANCING" }, new Date());
    const balanced = await forecast(user.id);
    // The measure: the standard deviation of the review cards due on each of the next 30 study days.
    // Both runs put about as many cards in the window (the balancer picks within the same ranges).
    expect(Math.abs(sum(balanced) - sum(plain))).toBeLessThanOrEqual(sum(plain) / 10);
    expect(spread(balanced)).toBeLessThan(spread(plain));

    // Each card is placed against the cards placed before it, in the same order each time: a second run finds every card where it would put it.
    expect(first.run.changedCards).toBeGreaterThan(0);
    const afterFirst = await reviewStates(user.id);
    const second = await runReschedule(db, user.id, { id: randomUUID(), reason: "BALANCING" }, new Date());
    expect(second.run.changedCards).toBe(0);
    expect(dues(await reviewStates(user.id))).toEqual(dues(afterFirst));
  });
});
