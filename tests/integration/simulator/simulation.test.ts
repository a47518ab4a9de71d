// GET /api/stats/simulation on real Postgres: a learner's own cards, settings
// and answer times go into a seeded year of simulated study; only the cards
// they study count; bad input is refused.
import { beforeEach, describe, expect, it } from "vitest";
import * as simulationRoute from "@/app/api/stats/simulation/route";
import { DEFAULT_SCHEDULER_SETTINGS, applyRating, studyDayKey, type SchedulingState } from "@/lib/scheduling";
import type { WorkloadForecast } from "@/lib/simulator/forecast-workload";
import { resetDb, testDb } from "../support/db";
import { bearerFor, createModuleWithCards, createUser, enroll } from "../support/fixtures";
import { simulateReviews, writeReviewLog } from "../support/optimizer-fixtures";
import { insertState } from "../support/stats-fixtures";

const START = new Date("2026-01-05T09:00:00Z");
const NOW = new Date("2026-02-20T10:00:00Z");

async function get(auth: string, query: string): Promise<Response> {
  return simulationRoute.GET(new Request(`http://localhost/api/stats/simulation${query}`, { headers: { authorization: auth } }), undefined);
}

/** A learner with 60 cards reviewed for 45 days (timed: 6 s recalled, 20 s forgotten), 30 unseen, one suspended, and a module switched off. */
async function learner() {
  const db = testDb();
  const user = await createUser(db);
  await db.userSettings.update({ where: { userId: user.id }, data: { timeZone: "Europe/Berlin", dayStartHour: 4, newCardsPerDay: 7, desiredRetention: 0.87 } });
  const { moduleId, cardIds } = await createModuleWithCards(db, { cards: 90 });
  await enroll(db, user.id, moduleId);
  const reviewed = cardIds.slice(0, 60);
  const reviews = simulateReviews(reviewed, { seed: 4, start: START, days: 45, newPerDay: 20, memoryFactor: 0.8 });
  await writeReviewLog(db, user.id, reviews);
  await db.$executeRaw`UPDATE review_log SET "durationMs" = CASE WHEN rating = 1 THEN 20000 ELSE 6000 END WHERE "userId" = ${user.id}`;
  const states = new Map<string, SchedulingState>();
  for (const review of reviews) {
    states.set(review.cardId, applyRating(states.get(review.cardId) ?? null, review.rating, review.reviewedAt, DEFAULT_SCHEDULER_SETTINGS).next);
  }
  for (const [cardId, state] of states) await db.cardState.create({ data: { userId: user.id, cardId, ...state } });
  await db.cardState.updateMany({ where: { userId: user.id, cardId: reviewed[0] }, data: { suspendedAt: NOW } });
  const off = await createModuleWithCards(db, { cards: 5 });
  await enroll(db, user.id, off.moduleId);
  await db.enrollment.update({ where: { userId_moduleId: { userId: user.id, moduleId: off.moduleId } }, data: { studying: false } });
  for (const cardId of off.cardIds) await insertState(db, user.id, cardId, { due: NOW });
  return { db, user, auth: await bearerFor(db, user.id), seen: states.size - 1 };
}

// Each request simulates a year a dozen times (the forecast and the recommendation's sweep): seconds on a busy machine.
describe("GET /api/stats/simulation", { timeout: 120_000 }, () => {
  beforeEach(resetDb);

  it("simulates a year of the learner's own cards at the retention asked, with their answer times, the same for the same seed", async () => {
    const { auth, seen } = await learner();
    const response = await get(auth, "?retention=0.85&seed=7");
    expect(response.status).toBe(200);
    const forecast = (await response.json()) as WorkloadForecast;

    expect(forecast).toMatchObject({ desiredRetention: 0.85, seed: 7, cards: { seen, unseen: 30, newCardsPerDay: 7 } });
    expect(forecast.days).toHaveLength(365);
    expect(forecast.days[0]?.day).toBe(studyDayKey(new Date(), "Europe/Berlin", 4));
    expect(new Set(forecast.days.map((d) => d.day)).size).toBe(365);
    expect(forecast.days.reduce((n, d) => n + d.newCards, 0)).toBe(30);
    expect(forecast.days.slice(0, 4).map((d) => d.newCards)).toEqual([7, 7, 7, 7]);
    expect(forecast.totals.reviews).toBe(forecast.days.reduce((n, d) => n + d.reviews, 0));
    expect(forecast.totals.knowledgeEnd).toBeGreaterThan(0);
    expect(forecast.totals.knowledgeEnd).toBeLessThanOrEqual(seen + 30);
    expect(forecast.answerSeconds).toMatchObject({ recalled: 6, forgotten: 20, fromYourReviews: true });
    expect(forecast.recommended.sweep.map((p) => p.retention)).toContain(forecast.recommended.retention);

    const again = (await (await get(auth, "?retention=0.85&seed=7")).json()) as WorkloadForecast;
    expect(again.days).toEqual(forecast.days);
    const higher = (await (await get(auth, "?retention=0.95&seed=7")).json()) as WorkloadForecast;
    expect(higher.totals.reviews).toBeGreaterThan(forecast.totals.reviews);
  });

  it("uses the learner's own desired retention when none is asked", async () => {
    const { auth } = await learner();
    const forecast = (await (await get(auth, "")).json()) as WorkloadForecast;
    expect(forecast).toMatchObject({ desiredRetention: 0.87, seed: 1 });
  });

  it("refuses a retention outside 0.70–0.99, a retention that is not a decimal and a bad seed, naming the field", async () => {
    const { auth } = await learner();
    for (const query of ["?retention=0.5", "?retention=1", "?retention=abc", "?retention=0.9&seed=-1"]) {
      const response = await get(auth, query);
      expect(response.status, query).toBe(422);
      const body = (await response.json()) as { error: { issues: { path: string }[] } };
      expect(body.error.issues[0]?.path, query).toBe(query.includes("seed") ? "seed" : "retention");
    }
  });

  it("asks for a sign-in", async () => {
    const response = await simulationRoute.GET(new Request("http://localhost/api/stats/simulation"), undefined);
    expect(response.status).toBe(401);
  });
});
