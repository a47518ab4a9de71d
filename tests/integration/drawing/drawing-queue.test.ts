// Drawing prompts as exercise cards: today's queue carries them with a fresh
// variant, and reviewing one (after its attempt) is logged like any review.
import { randomUUID } from "node:crypto";
import { beforeEach, describe, expect, it } from "vitest";
import * as reviewsRoute from "@/app/api/reviews/route";
import * as attemptsRoute from "@/app/api/drawings/[slug]/attempts/route";
import { getTodayQueue } from "@/lib/queue/today-queue";
import { resetDb, testDb } from "../support/db";
import { bearerFor, createModuleWithCards, createUser, enroll } from "../support/fixtures";
import { catalogue } from "@/exercises/catalogue";

const T0 = new Date("2026-03-02T09:00:00Z");
const json = (url: string, auth: string, body: unknown) =>
  new Request(url, { method: "POST", headers: { authorization: auth, "content-type": "application/json" }, body: JSON.stringify(body) });

describe("drawing cards in the queue", () => {
  beforeEach(resetDb);

  it("queues drawing cards with a fresh variant and logs their review", async () => {
    const db = testDb();
    const user = await createUser(db);
    const { moduleId } = await createModuleWithCards(db, { cards: 1 });
    await enroll(db, user.id, moduleId);
    const make = (externalId: string, slug: string, position: number) =>
      db.card.create({
        data: { moduleId, externalId, kind: "EXERCISE", front: slug, back: "", siblingKey: externalId, exerciseSlug: slug, position, contentHash: externalId },
      });
    const block = await make("ex-block", "prenorm-block-assembly", 1);
    const mask = await make("ex-mask", "causal-mask-grid", 2);
    const sketch = await make("ex-sketch", "kv-cache-decode-sketch", 3);

    const queue = await getTodayQueue(db, catalogue, user.id, T0, () => 314);
    const byId = new Map(queue.cards.map((c) => [c.cardId, c]));
    expect(byId.get(block.id)).toMatchObject({ exercise: null, drawing: { slug: "prenorm-block-assembly", kind: "assembly", seed: 314 } });
    expect(byId.get(mask.id)?.drawing).toMatchObject({ slug: "causal-mask-grid", kind: "mask-grid", setup: { kind: "mask-grid" } });
    expect(byId.get(sketch.id)?.drawing?.setup.kind).toBe("sketch");
    // A mask card carries no answer.
    expect(JSON.stringify(byId.get(mask.id))).not.toMatch(/"grid"|true,true/);

    const auth = await bearerFor(db, user.id);
    const maskSetup = byId.get(mask.id)?.drawing?.setup;
    const n = maskSetup?.kind === "mask-grid" ? maskSetup.n : 0;
    const grid = Array.from({ length: n }, (_, i) => Array.from({ length: n }, (_, j) => j <= i));
    const graded = await attemptsRoute.POST(
      json("http://localhost/api/drawings/causal-mask-grid/attempts", auth, { id: randomUUID(), seed: 314, answer: { kind: "mask-grid", grid } }),
      {
        params: Promise.resolve({ slug: "causal-mask-grid" }),
      },
    );
    const { rating } = (await graded.json()) as { rating: number };
    expect(rating).toBe(3);
    const reviewed = await reviewsRoute.POST(
      json("http://localhost/api/reviews", auth, { id: randomUUID(), cardId: mask.id, rating, durationMs: 20_000 }),
      undefined,
    );
    expect(reviewed.status).toBe(201);
    expect(await db.reviewLog.findMany({ where: { userId: user.id }, select: { cardId: true, rating: true } })).toEqual([{ cardId: mask.id, rating: 3 }]);
    expect(await db.exerciseAttempt.count({ where: { userId: user.id, exerciseSlug: "causal-mask-grid", correct: true } })).toBe(1);
  });
});
