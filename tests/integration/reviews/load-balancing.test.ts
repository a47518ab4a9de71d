// The review post balances a review card's day over the learner's real due
// counts (one indexed read of just the fuzz range), honours easy days, and
// with both off schedules exactly as the plain scheduler does.
import { randomUUID } from "node:crypto";
import { beforeEach, describe, expect, it } from "vitest";
import { get_fuzz_range } from "ts-fsrs";
import { catalogue } from "@/exercises/catalogue";
import { getTodayQueue } from "@/lib/queue/today-queue";
import { recordReview } from "@/lib/reviews/record-review";
import { DEFAULT_SCHEDULER_SETTINGS, applyRating, studyDayKey, type SchedulingState } from "@/lib/scheduling";
import { createFsrs, toFsrsCard, toGrade } from "@/lib/scheduling/fsrs-adapter";
import { schedulerSettingsOf } from "@/lib/settings/scheduler-settings";
import { defaultUserSettings, updateUserSettings } from "@/lib/data/user-settings";
import { weekdayOf } from "@/lib/stats/study-days";
import { resetDb, testDb } from "../support/db";
import { createModuleWithCards, createUser, enroll } from "../support/fixtures";

const DAY = 86_400_000;
/** A Monday, 09:00 UTC: study day 2026-03-02 (UTC, days start at 04:00). */
const T0 = new Date("2026-03-02T09:00:00Z");
const CLOCK = { timeZone: "UTC", dayStartHour: 4 };

/** The card under review: in review, 20 days since its last review, due now. */
const REVIEWED: SchedulingState = {
  due: T0,
  stability: 20,
  difficulty: 5,
  elapsedDays: 20,
  scheduledDays: 20,
  learningSteps: 0,
  reps: 5,
  lapses: 0,
  state: "REVIEW",
  lastReview: new Date(T0.getTime() - 20 * DAY),
};

async function setup(others: number) {
  const db = testDb();
  const user = await createUser(db);
  const { moduleId, cardIds } = await createModuleWithCards(db, { cards: others + 1 });
  await enroll(db, user.id, moduleId);
  await updateUserSettings(db, user.id, { timeZone: "UTC", dayStartHour: 4 }, T0);
  const [cardId, ...rest] = cardIds as string[];
  await db.cardState.create({ data: { userId: user.id, cardId: cardId as string, ...REVIEWED } });
  return { db, userId: user.id, cardId: cardId as string, rest };
}

/** Puts each of `cardIds` in review, due `day` study days after T0's (noon). */
async function dueOn(db: ReturnType<typeof testDb>, userId: string, cardIds: string[], day: (i: number) => number) {
  await db.cardState.createMany({
    data: cardIds.map((cardId, i) => ({ userId, cardId, ...REVIEWED, due: new Date(Date.parse("2026-03-02T12:00:00Z") + day(i) * DAY) })),
  });
}

const settings = schedulerSettingsOf(defaultUserSettings(""));

/** The fuzz range ts-fsrs would draw Good from, in days after T0's study day. */
function goodRange() {
  const plain = createFsrs(settings, "", { fuzz: false }).next(toFsrsCard(REVIEWED, T0), T0, toGrade(3));
  return get_fuzz_range(plain.card.scheduled_days, plain.log.elapsed_days, settings.maximumIntervalDays);
}

const dayAfterT0 = (due: Date) => Math.round((due.getTime() - T0.getTime()) / DAY);

describe("review post with load balancing and easy days", () => {
  beforeEach(resetDb);

  it("puts the card on the one empty day of its fuzz range when the others are full", async () => {
    const { min_ivl, max_ivl } = goodRange();
    const empty = min_ivl + 1;
    const { db, userId, cardId, rest } = await setup(12 * (max_ivl - min_ivl));
    const days = Array.from({ length: max_ivl - min_ivl + 1 }, (_, i) => min_ivl + i).filter((d) => d !== empty);
    await dueOn(db, userId, rest, (i) => days[i % days.length] ?? min_ivl);
    const result = await recordReview(db, { userId, reviewId: randomUUID(), cardId, rating: 3 }, T0);
    expect(result.state && dayAfterT0(result.state.due)).toBe(empty);
  });

  it("shows on the queue's buttons the day each rating will pick", async () => {
    const { min_ivl, max_ivl } = goodRange();
    const { db, userId, cardId, rest } = await setup(30);
    await dueOn(db, userId, rest, (i) => min_ivl + ((i * 3) % (max_ivl - min_ivl + 1)));
    const queue = await getTodayQueue(db, catalogue, userId, T0);
    const card = queue.cards.find((c) => c.cardId === cardId);
    const good = card?.previews.find((p) => p.rating === 3);
    expect(good).toBeDefined();
    const result = await recordReview(db, { userId, reviewId: randomUUID(), cardId, rating: 3 }, T0);
    expect(result.state?.due.toISOString()).toBe(good?.due);
  });

  it("keeps the card off a 0% Sunday", async () => {
    const { min_ivl, max_ivl } = goodRange();
    // T0 is a Monday: the range holds a Sunday (an offset of 6 mod 7).
    expect(Array.from({ length: max_ivl - min_ivl + 1 }, (_, i) => (min_ivl + i) % 7)).toContain(6);
    const { db, userId, cardId } = await setup(0);
    await updateUserSettings(db, userId, { easyDays: [100, 100, 100, 100, 100, 100, 0], loadBalancing: false }, T0);
    const result = await recordReview(db, { userId, reviewId: randomUUID(), cardId, rating: 3 }, T0);
    const due = result.state?.due ?? T0;
    expect(dayAfterT0(due)).toBeGreaterThanOrEqual(min_ivl);
    expect(dayAfterT0(due)).toBeLessThanOrEqual(max_ivl);
    expect(weekdayOf(studyDayKey(due, CLOCK.timeZone, CLOCK.dayStartHour))).not.toBe(6);
  });

  it("with both off, schedules exactly as the plain scheduler does", async () => {
    const { db, userId, cardId, rest } = await setup(20);
    await dueOn(db, userId, rest, (i) => 20 + (i % 5));
    await updateUserSettings(db, userId, { loadBalancing: false }, T0);
    const result = await recordReview(db, { userId, reviewId: randomUUID(), cardId, rating: 3 }, T0);
    const plain = applyRating(REVIEWED, 3, T0, { ...DEFAULT_SCHEDULER_SETTINGS, studyClock: CLOCK });
    expect(result.state).toEqual(plain.next);
  });
});
