// Personal FSRS weights on real Postgres: a simulated learner's review log is
// fitted through POST /api/settings/optimize, the weights are stored and drive
// the next review's interval; too few reviews and reset behave.
import { randomUUID } from "node:crypto";
import { beforeEach, describe, expect, it } from "vitest";
import { DELETE, GET, POST } from "@/app/api/settings/optimize/route";
import { recordReview } from "@/lib/reviews/record-review";
import { DEFAULT_SCHEDULER_SETTINGS, applyRating } from "@/lib/scheduling";
import { MIN_TRAINING_ITEMS, fitFsrsWeights } from "@/lib/optimizer/fsrs-binding";
import { MIN_REVIEWS_FOR_FIT } from "@/lib/optimizer/optimize-weights";
import { resetDb, testDb } from "../support/db";
import { bearerFor, createModuleWithCards, createUser, enroll } from "../support/fixtures";
import { simulateReviews, writeReviewLog } from "../support/optimizer-fixtures";

const START = new Date("2026-01-05T09:00:00Z");
const AFTER = new Date("2026-02-20T10:00:00Z");
const ROUTE_URL = "http://localhost/api/settings/optimize";
const HANDLERS = { GET, POST, DELETE };
const call = (method: keyof typeof HANDLERS, auth: string, runId?: string) =>
  HANDLERS[method](new Request(runId ? `${ROUTE_URL}?id=${runId}` : ROUTE_URL, { method, headers: { authorization: auth } }), undefined);

type Status = {
  personal: boolean;
  lastRun: { id: string; adopted: boolean; before: { logLoss: number; rmse: number }; after: { logLoss: number; rmse: number }; verdict: string } | null;
  suggestion: string | null;
};

// Each fit is a worker thread running the fit and a five-fold evaluation: seconds on a busy 2-core machine, beyond vitest's default.
describe("personal FSRS weights", { timeout: 180_000 }, () => {
  beforeEach(resetDb);

  /** A learner who forgets twice as fast as FSRS's defaults assume, over `cards` cards for 45 days; one extra card stays unseen. */
  async function learnerWithHistory(cards: number, limit?: number, days = 45) {
    const db = testDb();
    const user = await createUser(db);
    const { moduleId, cardIds } = await createModuleWithCards(db, { cards: cards + 1 });
    await enroll(db, user.id, moduleId);
    const reviews = simulateReviews(cardIds.slice(0, cards), { seed: 11, start: START, days, newPerDay: cards, memoryFactor: 0.5 });
    await writeReviewLog(db, user.id, reviews.slice(0, limit));
    return { db, user, auth: await bearerFor(db, user.id), freshCardId: cardIds[cards] as string, reviewCount: Math.min(reviews.length, limit ?? Infinity) };
  }

  it("fits 21 weights from several hundred cards' history, stores them, and the next review uses them", async () => {
    const { db, user, auth, freshCardId, reviewCount } = await learnerWithHistory(300);
    expect(reviewCount).toBeGreaterThan(MIN_REVIEWS_FOR_FIT);

    const response = await call("POST", auth);
    expect(response.status).toBe(200);
    const status = (await response.json()) as Status;
    expect(status).toMatchObject({ reviewCount, personal: true, fittedReviewCount: reviewCount, suggestion: null });
    // This learner forgets twice as fast as the defaults assume: the fit predicts the later reviews better, and says by how much.
    expect(status.lastRun?.adopted).toBe(true);
    expect(status.lastRun?.after.logLoss).toBeLessThan(status.lastRun?.before.logLoss ?? 0);
    expect(status.lastRun?.verdict).toMatch(
      /^New parameters adopted: they predict your later reviews better than the FSRS defaults \(log loss \d\.\d{4} → \d\.\d{4}, RMSE/,
    );

    const settings = await db.userSettings.findUniqueOrThrow({ where: { userId: user.id } });
    expect(settings.fsrsWeights).toHaveLength(21);
    expect(settings.fsrsWeights.every(Number.isFinite)).toBe(true);
    expect(settings.fsrsWeightsReviewCount).toBe(reviewCount);
    expect(settings.fsrsWeightsFittedAt).not.toBeNull();
    const changed = settings.fsrsWeights.filter((w, i) => Math.abs(w - (DEFAULT_WEIGHTS[i] ?? w)) > 1e-3);
    expect(changed.length).toBeGreaterThan(5);

    // Easy on a new card: the first interval is the initial stability w[3], so the stored weights decide it.
    const personal = applyRating(null, 4, AFTER, { ...DEFAULT_SCHEDULER_SETTINGS, weights: settings.fsrsWeights });
    const defaults = applyRating(null, 4, AFTER, DEFAULT_SCHEDULER_SETTINGS);
    expect(personal.next.scheduledDays).not.toBe(defaults.next.scheduledDays);
    const result = await recordReview(db, { userId: user.id, reviewId: randomUUID(), cardId: freshCardId, rating: 4 }, AFTER);
    expect(result.state?.scheduledDays).toBe(personal.next.scheduledDays);
    expect(result.state?.due).toEqual(personal.next.due);
  });

  it("refuses below the minimum with a clear message and changes nothing", async () => {
    const { db, user, auth } = await learnerWithHistory(40, MIN_REVIEWS_FOR_FIT - 1);
    const before = await db.userSettings.findUniqueOrThrow({ where: { userId: user.id } });

    const response = await call("POST", auth);
    expect(response.status).toBe(422);
    const body = (await response.json()) as { error: { code: string; message: string } };
    expect(body.error.code).toBe("VALIDATION");
    expect(body.error.message).toBe(
      `Personal parameters need at least ${MIN_REVIEWS_FOR_FIT} reviews; your log has ${MIN_REVIEWS_FOR_FIT - 1}. Keep reviewing and try again.`,
    );
    expect(await db.userSettings.findUniqueOrThrow({ where: { userId: user.id } })).toEqual(before);
  });

  it("refuses a log with enough reviews but none on a later day, and changes nothing", async () => {
    const { db, user, auth, reviewCount } = await learnerWithHistory(250, undefined, 0.4);
    expect(reviewCount).toBeGreaterThanOrEqual(MIN_REVIEWS_FOR_FIT);
    const response = await call("POST", auth);
    expect(response.status).toBe(422);
    expect(((await response.json()) as { error: { message: string } }).error.message).toMatch(/nothing to fit/);
    expect(await db.userSettings.findUniqueOrThrow({ where: { userId: user.id } })).toMatchObject({ fsrsWeights: [], fsrsWeightsFittedAt: null });
  });

  it("resets to the defaults, and the status says so", async () => {
    const { db, user, auth, reviewCount } = await learnerWithHistory(100);
    expect((await call("POST", auth)).status).toBe(200);

    const response = await call("DELETE", auth);
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ reviewCount, minimumReviews: MIN_REVIEWS_FOR_FIT, personal: false, fittedAt: null, fittedReviewCount: null });
    const settings = await db.userSettings.findUniqueOrThrow({ where: { userId: user.id } });
    expect(settings).toMatchObject({ fsrsWeights: [], fsrsWeightsFittedAt: null, fsrsWeightsReviewCount: null });
    expect((await call("GET", auth)).status).toBe(200);
  });

  it("fits only the caller's own log", async () => {
    const { db, auth } = await learnerWithHistory(100);
    const other = await createUser(db, "other");
    const response = await call("POST", await bearerFor(db, other.id));
    expect(response.status).toBe(422);
    expect(await db.userSettings.findUniqueOrThrow({ where: { userId: other.id } })).toMatchObject({ fsrsWeights: [] });
    expect(await (await call("GET", auth)).json()).toMatchObject({ personal: false });
  });

  it("keeps the weights in use when the new ones are not better, records the run and says so", async () => {
    const { db, user, auth } = await learnerWithHistory(300);
    expect((await call("POST", auth)).status).toBe(200);
    const adopted = await db.userSettings.findUniqueOrThrow({ where: { userId: user.id } });

    // The same log again: the weights in use were fitted on all of it, so on its later reviews they
    // predict at least as well as weights fitted only on what came before each part.
    const response = await call("POST", auth, randomUUID());
    expect(response.status).toBe(200);
    const status = (await response.json()) as Status;
    expect(status.lastRun?.adopted).toBe(false);
    expect(status.lastRun?.after.logLoss).toBeGreaterThanOrEqual(status.lastRun?.before.logLoss ?? Infinity);
    expect(status.lastRun?.verdict).toMatch(/^Kept your previous personal parameters: the new parameters were not better on your later reviews/);
    const kept = await db.userSettings.findUniqueOrThrow({ where: { userId: user.id } });
    expect(kept.fsrsWeights).toEqual(adopted.fsrsWeights);
    expect(kept.fsrsWeightsFittedAt).toEqual(adopted.fsrsWeightsFittedAt);
    expect(await db.optimizerRun.count({ where: { userId: user.id } })).toBe(2);
  });

  it("answers a retry with the same id from the stored run, and refuses another user's id", async () => {
    const { db, user, auth } = await learnerWithHistory(100);
    const runId = randomUUID();
    const first = (await (await call("POST", auth, runId)).json()) as Status;
    const again = await call("POST", auth, runId);
    expect(again.status).toBe(200);
    expect(((await again.json()) as Status).lastRun).toEqual(first.lastRun);
    expect(await db.optimizerRun.count({ where: { userId: user.id } })).toBe(1);

    const other = await createUser(db, "other");
    expect((await call("POST", await bearerFor(db, other.id), runId)).status).toBe(409);
  });

  it("runs one fit at a time: a second concurrent fit is refused, the first completes", async () => {
    const cards = Array.from({ length: MIN_TRAINING_ITEMS }, (_, i) => ({
      cardId: `c${i}`,
      reviews: [
        { rating: 3 as const, deltaDays: 0, reviewedAt: i },
        { rating: i % 3 === 0 ? (1 as const) : (3 as const), deltaDays: 1 + (i % 4), reviewedAt: 172_800_000 + i },
      ],
    }));
    const [first, second] = await Promise.allSettled([fitFsrsWeights(cards, []), fitFsrsWeights(cards, [])]);
    expect(first.status === "fulfilled" && first.value.weights).toHaveLength(21);
    expect(second.status === "rejected" && second.reason).toMatchObject({ code: "RATE_LIMITED" });
    expect((await fitFsrsWeights(cards, [])).weights).toHaveLength(21);
  });
});

/** ts-fsrs 5's FSRS-6 defaults, as the binding returns them for an empty training set. */
const DEFAULT_WEIGHTS = [
  0.212, 1.2931, 2.3065, 8.2956, 6.4133, 0.8334, 3.0194, 0.001, 1.8722, 0.1666, 0.796, 1.4835, 0.0614, 0.2629, 1.6483, 0.6014, 1.8729, 0.5425, 0.0912, 0.0658,
  0.1542,
];
