// The review log as the FSRS optimizer tools read it: the revlog CSV goes
// through the binding's own convertCsvToFsrsItems, and the training items it
// makes are the ones our optimizer makes from the same log.
import { convertCsvToFsrsItems } from "@open-spaced-repetition/binding";
import { beforeEach, describe, expect, it } from "vitest";
import * as exportRoute from "@/app/api/export/route";
import { parseCsv } from "@/lib/export/csv";
import { trainingSequences } from "@/lib/optimizer/fsrs-binding";
import { toCardHistories } from "@/lib/optimizer/review-history";
import { wallTimeAt, wallToUtcMs } from "@/lib/scheduling/zoned-time";
import { resetDb, testDb } from "../support/db";
import { bearerFor, createModuleWithCards, createUser, enroll } from "../support/fixtures";
import { simulateReviews, writeReviewLog } from "../support/optimizer-fixtures";
import { insertReview } from "../support/stats-fixtures";

const CLOCK = { timeZone: "America/New_York", dayStartHour: 4 };
const START = new Date("2026-01-05T09:00:00Z");

/** Minutes east of UTC in `timeZone` at `ms`, as the converter asks for them. */
const offsetMinutes = (ms: number, timeZone: string) => (wallToUtcMs(wallTimeAt(ms, timeZone)) - ms) / 60_000;

async function revlogCsv(auth: string): Promise<string> {
  const response = await exportRoute.GET(new Request("http://localhost/api/export?what=revlog&format=csv", { headers: { authorization: auth } }), undefined);
  expect(response.status).toBe(200);
  return response.text();
}

const asPairs = (items: { reviews: { rating: number; deltaT: number }[] }[]) =>
  items.map((item) => item.reviews.map((r) => `${r.rating}:${r.deltaT}`).join(" ")).sort();

describe("GET /api/export?what=revlog", () => {
  beforeEach(resetDb);

  it("writes card_id, review_time in ms, rating, state before the review and duration (0 when not timed)", async () => {
    const db = testDb();
    const user = await createUser(db);
    const { moduleId, cardIds } = await createModuleWithCards(db, { cards: 2 });
    await enroll(db, user.id, moduleId);
    const [a, b] = cardIds as [string, string];
    await insertReview(db, user.id, a, { reviewedAt: START, rating: 3, state: "NEW", durationMs: 4100 });
    await insertReview(db, user.id, a, { reviewedAt: new Date(START.getTime() + 86_400_000), rating: 1, state: "REVIEW", durationMs: null });
    await insertReview(db, user.id, b, { reviewedAt: new Date(START.getTime() + 60_000), rating: 2, state: "RELEARNING" });

    const [header, ...records] = parseCsv(await revlogCsv(await bearerFor(db, user.id)));
    expect(header).toEqual(["card_id", "review_time", "review_rating", "review_state", "review_duration"]);
    expect(records).toEqual([
      [a, String(START.getTime()), "3", "0", "4100"],
      [b, String(START.getTime() + 60_000), "2", "3", "5200"],
      [a, String(START.getTime() + 86_400_000), "1", "2", "0"],
    ]);
  });

  it("is read by the binding's convertCsvToFsrsItems into the same training items our optimizer builds", async () => {
    const db = testDb();
    const user = await createUser(db);
    const { moduleId, cardIds } = await createModuleWithCards(db, { cards: 40 });
    await enroll(db, user.id, moduleId);
    const reviews = simulateReviews(cardIds, { seed: 5, start: START, days: 60, newPerDay: 10, memoryFactor: 0.7 });
    await writeReviewLog(db, user.id, reviews);

    const csv = await revlogCsv(await bearerFor(db, user.id));
    const items = convertCsvToFsrsItems(new TextEncoder().encode(csv), CLOCK.dayStartHour, CLOCK.timeZone, offsetMinutes);
    expect(items.length).toBeGreaterThan(100);

    const { cards } = await toCardHistories(reviews, CLOCK);
    const ours = trainingSequences(cards).map((reviews) => ({ reviews }));
    expect(asPairs(items)).toEqual(asPairs(ours));
  });
});
