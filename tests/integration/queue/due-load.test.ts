// The load balancer's due counts (lib/queue/due-load.ts) bucket each card on
// its due's study day in the learner's zone, however many DST changes the
// ranges span: a range of most of a year crosses two, whose offsets cancel.
import { beforeEach, describe, expect, it } from "vitest";
import { selectDueLoad } from "@/lib/queue/due-load";
import { resetDb, testDb } from "../support/db";
import { createModuleWithCards, createUser, enroll } from "../support/fixtures";

/** Monday 1 February 2027, 11:00 in Berlin (winter time): study day 2027-02-01, days from 04:00. */
const NOW = new Date("2027-02-01T10:00:00Z");
const CLOCK = { timeZone: "Europe/Berlin", dayStartHour: 4 };
/** Study day 2027-06-15 is 134 days after 2027-02-01; in summer time it starts at 02:00 UTC. */
const JUNE_15 = 134;

beforeEach(resetDb);

describe("selectDueLoad", () => {
  it("counts a summer card on its own study day when the range spans both of the year's DST changes", async () => {
    const db = testDb();
    const user = await createUser(db);
    const { moduleId, cardIds } = await createModuleWithCards(db, { cards: 3 });
    await enroll(db, user.id, moduleId);
    const dues = [
      "2027-06-15T02:30:00Z", // 04:30 CEST: study day 15 June
      "2027-06-15T01:30:00Z", // 03:30 CEST: still study day 14 June
      "2027-11-20T03:30:00Z", // 04:30 CET, back in winter time: study day 20 November
    ];
    await db.cardState.createMany({
      data: dues.map((due, i) => ({
        userId: user.id,
        cardId: cardIds[i] as string,
        state: "REVIEW" as const,
        due: new Date(due),
        stability: 30,
        difficulty: 5,
        elapsedDays: 30,
        scheduledDays: 30,
        learningSteps: 0,
        reps: 3,
        lapses: 0,
        lastReview: new Date("2027-01-01T10:00:00Z"),
      })),
    });

    const load = await selectDueLoad(db, user.id, CLOCK, NOW, [{ min: 1, max: 300 }]);

    const on = (day: number) => load.counts[day - load.firstOffset];
    expect(load.firstOffset).toBe(1);
    expect(on(JUNE_15)).toBe(1);
    expect(on(JUNE_15 - 1)).toBe(1);
    expect(on(292)).toBe(1); // 20 November 2027
    expect(Array.from(load.counts).reduce((a, b) => a + b, 0)).toBe(3);
  });
});
