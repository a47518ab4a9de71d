// User B cannot read or write user A's cards, reviews, settings or tokens
// through any route.
import { randomUUID } from "node:crypto";
import { beforeEach, describe, expect, it } from "vitest";
import * as queueRoute from "@/app/api/queue/route";
import * as reviewsRoute from "@/app/api/reviews/route";
import * as undoRoute from "@/app/api/reviews/[id]/undo/route";
import * as settingsRoute from "@/app/api/settings/route";
import * as tokensRoute from "@/app/api/tokens/route";
import * as tokenRoute from "@/app/api/tokens/[id]/route";
import { resetDb, testDb } from "../support/db";
import { bearerFor, createModuleWithCards, createUser, enroll } from "../support/fixtures";

const json = (authorization: string, body: unknown, method = "POST") =>
  new Request("http://localhost/api", { method, headers: { authorization, "content-type": "application/json" }, body: JSON.stringify(body) });
const get = (authorization: string) => new Request("http://localhost/api", { headers: { authorization } });
const params = (id: string) => ({ params: Promise.resolve({ id }) });

describe("per-user isolation", () => {
  beforeEach(resetDb);

  async function twoUsers() {
    const db = testDb();
    const alice = await createUser(db, "alice");
    const bob = await createUser(db, "bob");
    const own = await createModuleWithCards(db, { cards: 2, scope: alice.id, ownerId: alice.id });
    await enroll(db, alice.id, own.moduleId);
    return { db, alice, bob, aliceCard: own.cardIds[0] as string, aliceAuth: await bearerFor(db, alice.id), bobAuth: await bearerFor(db, bob.id) };
  }

  it("keeps a user's private cards out of another's queue and reviews", async () => {
    const { db, aliceCard, aliceAuth, bobAuth } = await twoUsers();
    const aliceQueue = (await (await queueRoute.GET(get(aliceAuth), undefined)).json()) as { cards: { cardId: string }[] };
    expect(aliceQueue.cards.map((c) => c.cardId)).toContain(aliceCard);
    const bobQueue = (await (await queueRoute.GET(get(bobAuth), undefined)).json()) as { cards: { cardId: string }[] };
    expect(bobQueue.cards.map((c) => c.cardId)).not.toContain(aliceCard);

    const bobReview = await reviewsRoute.POST(json(bobAuth, { id: randomUUID(), cardId: aliceCard, rating: 3 }), undefined);
    expect(bobReview.status).toBe(404);
    expect(await db.reviewLog.count()).toBe(0);
  });

  it("does not let one user undo, or replay, another's review", async () => {
    const { db, aliceCard, aliceAuth, bobAuth } = await twoUsers();
    const reviewId = randomUUID();
    expect((await reviewsRoute.POST(json(aliceAuth, { id: reviewId, cardId: aliceCard, rating: 3 }), undefined)).status).toBe(201);
    expect((await undoRoute.POST(json(bobAuth, {}), params(reviewId))).status).toBe(404);
    expect((await reviewsRoute.POST(json(bobAuth, { id: reviewId, cardId: aliceCard, rating: 1 }), undefined)).status).toBe(409);
    expect(await db.reviewLog.count()).toBe(1);
    expect((await undoRoute.POST(json(aliceAuth, {}), params(reviewId))).status).toBe(200);
  });

  it("keeps settings and tokens per user", async () => {
    const { db, alice, aliceAuth, bobAuth } = await twoUsers();
    const patched = await settingsRoute.PATCH(json(bobAuth, { newCardsPerDay: 7, timeZone: "Europe/Berlin" }, "PATCH"), undefined);
    expect(patched.status).toBe(200);
    const aliceSettings = (await (await settingsRoute.GET(get(aliceAuth), undefined)).json()) as { newCardsPerDay: number; timeZone: string };
    expect(aliceSettings).toMatchObject({ newCardsPerDay: 20, timeZone: "UTC" });

    const aliceTokens = await db.apiToken.findMany({ where: { userId: alice.id } });
    const bobList = (await (await tokensRoute.GET(get(bobAuth), undefined)).json()) as { tokens: { id: string }[] };
    expect(bobList.tokens.map((t) => t.id)).not.toContain(aliceTokens[0]?.id);
    expect((await tokenRoute.DELETE(get(bobAuth), params(aliceTokens[0]?.id ?? ""))).status).toBe(404);
    expect(await db.apiToken.count({ where: { userId: alice.id, revokedAt: null } })).toBe(1);
  });

  it("rejects bad settings with the field named, changing nothing", async () => {
    const { db, bob, bobAuth } = await twoUsers();
    const response = await settingsRoute.PATCH(json(bobAuth, { desiredRetention: 1.5 }, "PATCH"), undefined);
    expect(response.status).toBe(422);
    const body = (await response.json()) as { error: { issues: { path: string }[] } };
    expect(body.error.issues[0]?.path).toBe("desiredRetention");
    expect((await db.userSettings.findUniqueOrThrow({ where: { userId: bob.id } })).desiredRetention).toBe(0.9);
  });
});
