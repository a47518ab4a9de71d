// The stats figures from seeded states and reviews, counted in the user's
// time zone across Berlin's spring-forward night, with other users excluded.
import { beforeEach, describe, expect, it } from "vitest";
import * as statsRoute from "@/app/api/stats/route";
import { getStats } from "@/lib/stats/get-stats";
import { resetDb, testDb } from "../support/db";
import { bearerFor, createModuleWithCards, createUser, enroll } from "../support/fixtures";
import { insertReview, insertState } from "../support/stats-fixtures";

// Saturday 11:00 CET. Berlin springs forward tonight (02:00 CET → 03:00 CEST),
// so the study day 2026-03-29 starts at 04:00 CEST = 02:00 UTC.
const NOW = new Date("2026-03-28T10:00:00Z");
const at = (iso: string) => new Date(iso);
const daysAgo = (n: number) => new Date(NOW.getTime() - n * 86_400_000);

async function setup() {
  const db = testDb();
  const user = await createUser(db, "stats");
  const other = await createUser(db, "other");
  await db.userSettings.update({ where: { userId: user.id }, data: { timeZone: "Europe/Berlin", dayStartHour: 4 } });
  const { moduleId, cardIds } = await createModuleWithCards(db, { cards: 8 });
  await enroll(db, user.id, moduleId);
  await enroll(db, other.id, moduleId);
  const card = (i: number) => cardIds[i] as string;
  return { db, user, other, card };
}

describe("getStats", () => {
  beforeEach(resetDb);

  it("buckets due cards by study day: overdue into today, DST night, suspended and archived left out", async () => {
    const { db, user, other, card } = await setup();
    await insertState(db, user.id, card(0), { due: at("2026-03-20T08:00:00Z") });
    await insertState(db, user.id, card(1), { due: at("2026-03-28T20:00:00Z") });
    await insertState(db, user.id, card(2), { due: at("2026-03-29T01:59:00Z") }); // 03:59 CEST: still the 28th's study day
    await insertState(db, user.id, card(3), { due: at("2026-03-29T02:00:00Z") }); // 04:00 CEST: the 29th
    await insertState(db, user.id, card(4), { due: at("2026-03-29T12:00:00Z"), suspendedAt: daysAgo(1) });
    await insertState(db, user.id, card(5), { due: at("2026-05-20T12:00:00Z") }); // beyond 30 days
    await insertState(db, user.id, card(6), { due: at("2026-04-26T01:00:00Z") }); // the 30th day (04-26 starts 02:00 UTC, so 04-25's)
    await insertState(db, user.id, card(7), { due: at("2026-03-30T12:00:00Z") });
    await db.card.update({ where: { id: card(7) }, data: { archivedAt: daysAgo(1) } });
    await insertState(db, other.id, card(1), { due: at("2026-03-28T12:00:00Z") });

    const stats = await getStats(db, user.id, NOW);
    expect(stats.today).toBe("2026-03-28");
    expect(stats.forecast.days).toHaveLength(30);
    expect(stats.forecast.days.slice(0, 2)).toEqual([
      { key: "2026-03-28", due: 3 },
      { key: "2026-03-29", due: 1 },
    ]);
    expect(stats.forecast.days.at(-1)).toEqual({ key: "2026-04-26", due: 0 });
    expect(stats.forecast.days.at(-2)).toEqual({ key: "2026-04-25", due: 1 });
    expect(stats.forecast).toMatchObject({ overdue: 1, total: 5, max: 3 });
  });

  it("counts reviews per study day, true retention per window and the streak", async () => {
    const { db, user, other, card } = await setup();
    // Today (the 28th): 12 reviews of review-state cards, 3 of them Again; 2 learning-step reviews.
    for (let i = 0; i < 12; i++) await insertReview(db, user.id, card(i % 8), { reviewedAt: at(`2026-03-28T08:${String(10 + i)}:00Z`), rating: i < 3 ? 1 : 3 });
    for (let i = 0; i < 2; i++) await insertReview(db, user.id, card(i), { reviewedAt: at("2026-03-28T09:00:00Z"), rating: 1, state: "LEARNING" });
    // 02:30 UTC = 03:30 CET on the 27th: before 04:00, so the 26th's study day.
    await insertReview(db, user.id, card(0), { reviewedAt: at("2026-03-27T02:30:00Z") });
    await insertReview(db, user.id, card(1), { reviewedAt: at("2026-03-27T03:30:00Z"), rating: 2 });
    for (let i = 0; i < 5; i++) await insertReview(db, user.id, card(i), { reviewedAt: daysAgo(20) });
    await insertReview(db, user.id, card(0), { reviewedAt: daysAgo(100), rating: 1 });
    await insertReview(db, user.id, card(0), { reviewedAt: daysAgo(400) });
    for (let i = 0; i < 30; i++) await insertReview(db, other.id, card(0), { reviewedAt: daysAgo(i % 3), rating: 1 });

    const stats = await getStats(db, user.id, NOW);
    const counts = new Map(stats.heatmap.weeks.flat().flatMap((c) => (c && c.count > 0 ? [[c.key, c.count]] : [])));
    expect(Object.fromEntries(counts)).toEqual({ "2026-03-28": 14, "2026-03-27": 1, "2026-03-26": 1, "2026-03-08": 5, "2025-12-18": 1 });
    expect(stats.heatmap.weeks).toHaveLength(26);
    expect(stats.heatmap.weeks.at(-1)?.[5]?.key).toBe("2026-03-28");
    expect(stats.heatmap).toMatchObject({ total: 22, max: 14, activeDays: 5 });

    expect(stats.retention).toEqual([
      { days: 7, reviews: 14, passed: 11, rate: 11 / 14 },
      { days: 30, reviews: 19, passed: 16, rate: 16 / 19 },
      { days: 365, reviews: 20, passed: 16, rate: 16 / 20 },
    ]);
    expect(stats.streak).toBe(3);
  });

  it("says so when there is too little to show", async () => {
    const { db, user, card } = await setup();
    await insertReview(db, user.id, card(0), { reviewedAt: daysAgo(2) });
    const stats = await getStats(db, user.id, NOW);
    expect(stats.retention.map((r) => r.rate)).toEqual([null, null, null]);
    expect(stats.streak).toBe(0);
    expect(stats.forecast.total).toBe(0);
  });

  it("serves the caller's figures over GET /api/stats", async () => {
    const { db, user, other, card } = await setup();
    await insertReview(db, other.id, card(0), { reviewedAt: new Date() });
    await insertReview(db, user.id, card(1), { reviewedAt: new Date() });
    await insertReview(db, user.id, card(2), { reviewedAt: new Date() });
    const response = await statsRoute.GET(new Request("http://localhost/api/stats", { headers: { authorization: await bearerFor(db, user.id) } }), undefined);
    expect(response.status).toBe(200);
    const body = (await response.json()) as { heatmap: { total: number }; streak: number; timeZone: string };
    expect(body).toMatchObject({ heatmap: { total: 2 }, streak: 1, timeZone: "Europe/Berlin" });
  });
});
