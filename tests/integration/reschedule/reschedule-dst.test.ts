// Reschedule across a daylight-saving change against real Postgres: a learner
// in New York whose study days start at 04:00 reviews through the winter; on
// 5 March (the clocks go forward on the 8th) the desired retention drops and
// the review cards are rescheduled. Every card, as the review path left it
// and as the reschedule moved it, is due on the study day `scheduledDays`
// after its last review's, at that review's wall-clock time; and the forecast
// and the balancer's due load put each card on the day its due says.
import { randomUUID } from "node:crypto";
import { beforeEach, describe, expect, it } from "vitest";
import { updateUserSettings } from "@/lib/data/user-settings";
import { selectDueLoad } from "@/lib/queue/due-load";
import { runReschedule } from "@/lib/reschedule/reschedule";
import { studyDayKey, studyDayNumber, type StudyClock } from "@/lib/scheduling";
import { wallTimeAt } from "@/lib/scheduling/zoned-time";
import { getStats } from "@/lib/stats/get-stats";
import { resetDb, testDb } from "../support/db";
import { learnerWithHistory } from "./reschedule-fixtures";

const CLOCK: StudyClock = { timeZone: "America/New_York", dayStartHour: 4 };
const START = new Date("2026-01-05T08:30:00.000Z"); // 03:30 EST, the study day before
const NOW = new Date("2026-03-05T14:00:00.000Z"); // 09:00 EST; the clocks go forward on Sunday 8 March
const CHANGE = new Date("2026-03-08T07:00:00.000Z");

type Scheduled = { cardId: string; due: Date; lastReview: Date | null; scheduledDays: number };

const minutesOfDay = (at: Date) => {
  const w = wallTimeAt(at.getTime(), CLOCK.timeZone);
  return w.hour * 60 + w.minute;
};

/** Each card as "study days after its last review, and its wall-clock minute", against what its interval says. */
function dayAndTimeOf(cards: readonly Scheduled[]) {
  return cards.map((c) => {
    const last = c.lastReview as Date;
    return {
      cardId: c.cardId,
      studyDays: studyDayNumber(c.due.getTime(), CLOCK) - studyDayNumber(last.getTime(), CLOCK),
      minute: minutesOfDay(c.due),
    };
  });
}
const asPromised = (cards: readonly Scheduled[]) =>
  cards.map((c) => ({ cardId: c.cardId, studyDays: c.scheduledDays, minute: minutesOfDay(c.lastReview as Date) }));

describe("reschedule across a DST change", { timeout: 120_000 }, () => {
  beforeEach(resetDb);

  it("keeps every card on its study day and the review's wall-clock time, and the forecast and due load count it there", async () => {
    const db = testDb();
    const { user } = await learnerWithHistory(db, { cards: 60, start: START, end: new Date(NOW.getTime() - 3_600_000), seed: 11, settings: CLOCK });
    const reviewCards = () =>
      db.cardState.findMany({
        where: { userId: user.id, state: "REVIEW" },
        orderBy: { cardId: "asc" },
        select: { cardId: true, due: true, lastReview: true, scheduledDays: true },
      });

    const reviewed = await reviewCards();
    expect(reviewed.length).toBeGreaterThan(30);
    expect(dayAndTimeOf(reviewed)).toEqual(asPromised(reviewed));

    await updateUserSettings(db, user.id, { desiredRetention: 0.8 }, NOW);
    const { run } = await runReschedule(db, user.id, { id: randomUUID(), reason: "RETENTION" }, NOW);
    const moved = await reviewCards();
    expect(run.changedCards).toBeGreaterThan(reviewed.length / 2);
    const crossing = moved.filter((c) => (c.lastReview as Date) < CHANGE && c.due > CHANGE);
    expect(crossing.length).toBeGreaterThan(10);
    expect(dayAndTimeOf(moved)).toEqual(asPromised(moved));

    const { forecast } = await getStats(db, user.id, NOW);
    const todayKey = studyDayKey(NOW, CLOCK.timeZone, CLOCK.dayStartHour);
    const perKey = new Map<string, number>();
    const allCards = await db.cardState.findMany({ where: { userId: user.id }, select: { due: true } });
    for (const { due } of allCards) {
      const key = studyDayKey(due, CLOCK.timeZone, CLOCK.dayStartHour);
      // The forecast counts overdue cards on today.
      const day = key.localeCompare(todayKey) < 0 ? todayKey : key;
      perKey.set(day, (perKey.get(day) ?? 0) + 1);
    }
    expect(forecast.days.map((d) => [d.key, d.due])).toEqual(forecast.days.map((d) => [d.key, perKey.get(d.key) ?? 0]));

    const load = await selectDueLoad(db, user.id, CLOCK, NOW, [{ min: 1, max: 29 }]);
    const today = studyDayNumber(NOW.getTime(), CLOCK);
    const perOffset = new Array<number>(29).fill(0);
    for (const { due } of allCards) {
      const offset = studyDayNumber(due.getTime(), CLOCK) - today;
      if (offset >= 1 && offset <= 29) perOffset[offset - 1] = (perOffset[offset - 1] ?? 0) + 1;
    }
    expect(load.counts).toEqual(perOffset);
  });
});
