// The question clock lives on the server: the first time a question is shown
// (the page load, or the page's POST .../shown) is stored once, a reload does
// not move it, and the answer's time is measured from it on the server's clock
// whatever the client reports. Every `now` is passed in; nothing sleeps.
import { randomUUID } from "node:crypto";
import { beforeEach, describe, expect, it } from "vitest";
import * as shownRoute from "@/app/api/grills/[id]/items/[position]/shown/route";
import { answerGrillItem, gradeKeyPoints } from "@/lib/grills/answer-item";
import { getGrill, showGrillItem, type ShowOutcome } from "@/lib/grills/get-grill";
import type { GrillItemView } from "@/lib/grills/grill-view";
import { startGrill } from "@/lib/grills/start-grill";
import { resetDb, testDb } from "../support/db";
import { bearerFor, createUser } from "../support/fixtures";
import { createGrillModule, rightAnswers } from "../support/grill-fixtures";
import { catalogue } from "@/exercises/catalogue";

const T0 = new Date("2026-05-04T09:00:00Z");
const at = (seconds: number) => new Date(T0.getTime() + seconds * 1000);
const LIMIT_S = 60;

async function setUp() {
  const db = testDb();
  const user = await createUser(db);
  await createGrillModule(db, user.id, [{ topic: "Residual stream" }, { topic: "Attention" }, { topic: "KV cache" }]);
  const { grill } = await startGrill(db, catalogue, { userId: user.id, grillId: randomUUID(), length: 3, difficulty: null, secondsPerItem: LIMIT_S }, T0);
  return { db, user, grill };
}

/** A right answer of the item's kind, claiming `timeMs` on the client's clock. */
function answerOf(item: GrillItemView, timeMs: number) {
  return item.kind === "numeric" && item.exercise
    ? { answers: rightAnswers(item.exercise.slug, item.exercise.seed), timeMs }
    : { answer: "The residual stream carries the sum of every layer's output.", timeMs };
}

async function shownAtOf(grillId: string, position: number): Promise<Date | null> {
  const row = await testDb().grillItem.findUniqueOrThrow({ where: { grillId_position: { grillId, position } } });
  return row.shownAt;
}

describe("the server-side question clock", () => {
  beforeEach(resetDb);

  it("loading the grill marks its current question shown once; a reload neither moves it nor restarts the clock", async () => {
    const { db, user, grill } = await setUp();
    expect(grill.items.every((i) => i.leftMs === null)).toBe(true);

    const first = await getGrill(db, catalogue, user.id, grill.id, at(5));
    expect(first.items.map((i) => i.leftMs)).toEqual([60_000, null, null]);
    expect(await shownAtOf(grill.id, 0)).toEqual(at(5));

    const reload = await getGrill(db, catalogue, user.id, grill.id, at(20));
    expect(reload.items[0]?.leftMs).toBe(45_000);
    expect(await shownAtOf(grill.id, 0)).toEqual(at(5));
    // The page's own call after a reload changes nothing either.
    const again = await showGrillItem(db, catalogue, { userId: user.id, grillId: grill.id, position: 0 }, at(25));
    expect(again).toMatchObject({ stored: true, duplicate: true, item: { leftMs: 40_000 } });
    expect(await shownAtOf(grill.id, 0)).toEqual(at(5));
    expect(await shownAtOf(grill.id, 1)).toBeNull();
  });

  it("an answer claiming a tiny time is stored with the time the server saw since the question was shown", async () => {
    const { db, user, grill } = await setUp();
    await getGrill(db, catalogue, user.id, grill.id, at(5));
    const item = grill.items[0];
    if (!item) throw new Error("empty grill");
    const outcome = await answerGrillItem(db, catalogue, { userId: user.id, grillId: grill.id, position: 0, ...answerOf(item, 1) }, at(35));
    expect(outcome).toMatchObject({ stored: true, duplicate: false });
    expect(outcome.item).toMatchObject({ timeMs: 30_000, outOfTime: false, leftMs: null });
    const stored = await db.grillItem.findUniqueOrThrow({ where: { grillId_position: { grillId: grill.id, position: 0 } } });
    expect(stored.timeMs).toBe(30_000);
  });

  it("an answer arriving after the limit is out of time, and a reload past the limit shows no time left", async () => {
    const { db, user, grill } = await setUp();
    const [, second, third] = grill.items;
    if (!second || !third) throw new Error("expected three items");
    const shown = await showGrillItem(db, catalogue, { userId: user.id, grillId: grill.id, position: 1 }, at(40));
    expect(shown).toMatchObject({ stored: true, duplicate: false, item: { leftMs: 60_000 } });
    expect(await showGrillItem(db, catalogue, { userId: user.id, grillId: grill.id, position: 1 }, at(50))).toMatchObject({ stored: true, duplicate: true });
    expect(await shownAtOf(grill.id, 1)).toEqual(at(40));

    const late = await answerGrillItem(db, catalogue, { userId: user.id, grillId: grill.id, position: 1, ...answerOf(second, 500) }, at(40 + LIMIT_S + 1));
    expect(late.item).toMatchObject({ timeMs: 60_000, outOfTime: true });
    if (second.kind === "numeric") expect(late.item).toMatchObject({ score: 0, verdict: "out-of-time" });
    else expect(late.item.reveal).not.toBeNull();

    // Question 3, shown and then left: a reload long after gives 0 left (the page then submits it as out of time).
    await showGrillItem(db, catalogue, { userId: user.id, grillId: grill.id, position: 2 }, at(200));
    const reload = await getGrill(db, catalogue, user.id, grill.id, at(400));
    expect(reload.items[2]?.leftMs).toBe(0);
    expect(await shownAtOf(grill.id, 2)).toEqual(at(200));
  });

  it("the page load marks the first unsettled question; an answered question or another user's grill is not marked", async () => {
    const { db, user, grill } = await setUp();
    const first = grill.items[0];
    if (!first) throw new Error("empty grill");
    // Answered before it was ever marked shown (an old page): the client's time, bounded since the start, is kept.
    const answered = await answerGrillItem(db, catalogue, { userId: user.id, grillId: grill.id, position: 0, ...answerOf(first, 12_000) }, at(30));
    expect(answered.item.timeMs).toBe(12_000);
    if (first.kind === "interview") {
      // Waiting for its key points, the page stays on it: nothing else is shown yet.
      await getGrill(db, catalogue, user.id, grill.id, at(31));
      expect(await shownAtOf(grill.id, 1)).toBeNull();
      await gradeKeyPoints(db, catalogue, { userId: user.id, grillId: grill.id, position: 0, keyPointsHit: [0] }, at(32));
    }
    expect(await showGrillItem(db, catalogue, { userId: user.id, grillId: grill.id, position: 0 }, at(33))).toMatchObject({ stored: false, duplicate: false });
    expect(await shownAtOf(grill.id, 0)).toBeNull();
    await getGrill(db, catalogue, user.id, grill.id, at(34));
    expect(await shownAtOf(grill.id, 1)).toEqual(at(34));

    const other = await createUser(db);
    await expect(showGrillItem(db, catalogue, { userId: other.id, grillId: grill.id, position: 2 }, at(35))).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(getGrill(db, catalogue, other.id, grill.id, at(35))).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect(await shownAtOf(grill.id, 2)).toBeNull();
  });

  it("POST .../shown: 200 and stored the first time, 200 and duplicate after, 404 for a question that does not exist", async () => {
    const { db, user, grill } = await setUp();
    const auth = await bearerFor(db, user.id);
    const post = (position: number) =>
      shownRoute.POST(new Request(`http://localhost/api/grills/${grill.id}/items/${position}/shown`, { method: "POST", headers: { authorization: auth } }), {
        params: Promise.resolve({ id: grill.id, position: String(position) }),
      });
    const created = await post(1);
    expect(created.status).toBe(200);
    const body = (await created.json()) as ShowOutcome;
    expect(body).toMatchObject({ stored: true, duplicate: false });
    expect(body.item.leftMs).toBeGreaterThan(55_000);
    const again = await post(1);
    expect(again.status).toBe(200);
    expect(await again.json()).toMatchObject({ stored: true, duplicate: true });
    expect((await post(7)).status).toBe(404);
  });
});
