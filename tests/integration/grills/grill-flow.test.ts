// The grill API on real Postgres: start, answer and finish are each stored
// once under retries (sequential and concurrent), a finished grill is
// read-only, another user's grill is missing, history is newest first.
import { randomUUID } from "node:crypto";
import { beforeEach, describe, expect, it } from "vitest";
import * as grillsRoute from "@/app/api/grills/route";
import * as grillRoute from "@/app/api/grills/[id]/route";
import * as answerRoute from "@/app/api/grills/[id]/items/[position]/answer/route";
import * as keyPointsRoute from "@/app/api/grills/[id]/items/[position]/key-points/route";
import * as finishRoute from "@/app/api/grills/[id]/finish/route";
import type { GrillView } from "@/lib/grills/grill-view";
import { resetDb, testDb } from "../support/db";
import { bearerFor, createUser } from "../support/fixtures";
import { createGrillModule, rightAnswers } from "../support/grill-fixtures";

const TOPICS = ["Residual stream", "Normalization", "Attention", "KV cache", "Positions", "Costs"];

const request = (auth: string, url: string, body?: unknown) =>
  new Request(`http://localhost${url}`, {
    method: body === undefined ? "GET" : "POST",
    headers: { authorization: auth, "content-type": "application/json" },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
const idParams = (id: string) => ({ params: Promise.resolve({ id }) });
const itemParams = (id: string, position: number) => ({ params: Promise.resolve({ id, position: String(position) }) });

async function learner() {
  const db = testDb();
  const user = await createUser(db);
  const module = await createGrillModule(
    db,
    user.id,
    TOPICS.map((topic) => ({ topic })),
  );
  return { db, user, module, auth: await bearerFor(db, user.id) };
}

async function start(auth: string, body: Record<string, unknown>) {
  return grillsRoute.POST(request(auth, "/api/grills", { length: 3, difficulty: "ANY", secondsPerItem: 90, ...body }), undefined);
}

const answer = (auth: string, id: string, position: number, body: unknown) =>
  answerRoute.POST(request(auth, `/api/grills/${id}/items/${position}/answer`, body), itemParams(id, position));
const tick = (auth: string, id: string, position: number, keyPointsHit: number[]) =>
  keyPointsRoute.POST(request(auth, `/api/grills/${id}/items/${position}/key-points`, { keyPointsHit }), itemParams(id, position));
const finish = (auth: string, id: string) => finishRoute.POST(request(auth, `/api/grills/${id}/finish`, {}), idParams(id));

/** One reply of an answer or key-points post: its status and how it names what it stored. */
type Reply = { status: number; stored: boolean; duplicate: boolean };

const replyOf = async (response: Response): Promise<Reply> => {
  const body = (await response.json()) as { stored: boolean; duplicate: boolean };
  return { status: response.status, stored: body.stored, duplicate: body.duplicate };
};

/** Answers every item: interview ones with text and the first two of three key points, numeric ones right. */
async function answerAll(auth: string, grill: GrillView, times = 1): Promise<Reply[]> {
  const replies: Reply[] = [];
  for (const item of grill.items) {
    const body =
      item.kind === "numeric" && item.exercise
        ? { answers: rightAnswers(item.exercise.slug, item.exercise.seed), timeMs: 20_000 }
        : { answer: `My answer to ${item.position}`, timeMs: 20_000 };
    const responses = await Promise.all(Array.from({ length: times }, () => answer(auth, grill.id, item.position, body)));
    replies.push(...(await Promise.all(responses.map(replyOf))));
    if (item.kind === "interview") {
      const ticks = await Promise.all(Array.from({ length: times }, () => tick(auth, grill.id, item.position, [0, 1])));
      replies.push(...(await Promise.all(ticks.map(replyOf))));
    }
  }
  return replies;
}

describe("grill API", () => {
  beforeEach(resetDb);

  it("stores a grill, each answer and the finish once, however often they are retried", async () => {
    const { db, user, auth } = await learner();
    const id = randomUUID();
    const starts = await Promise.all([start(auth, { id }), start(auth, { id }), start(auth, { id })]);
    expect(starts.map((r) => r.status).sort()).toEqual([200, 200, 201]);
    const grill = (await starts[0]?.json()) as GrillView;
    expect(grill.items).toHaveLength(3);
    expect(grill.items.filter((i) => i.kind === "numeric")).toHaveLength(1);
    // Nothing of the reveal leaks before an answer.
    expect(grill.items.every((i) => i.reveal === null && i.grade === null)).toBe(true);
    expect(await db.grillSession.count()).toBe(1);
    expect(await db.grillItem.count()).toBe(3);

    // Each answer and self-grade sent three times at once: all 200 and stored, one stored it, two were retries.
    const replies = await answerAll(auth, grill, 3);
    expect(replies).toHaveLength(15);
    expect(replies.every((r) => r.status === 200 && r.stored)).toBe(true);
    expect(replies.filter((r) => !r.duplicate)).toHaveLength(5);
    expect(await db.exerciseAttempt.count({ where: { userId: user.id } })).toBe(1);

    const numeric = grill.items.find((i) => i.kind === "numeric");
    const attempt = await db.exerciseAttempt.findFirst({ where: { userId: user.id } });
    expect(attempt).toMatchObject({ exerciseSlug: numeric?.exercise?.slug, seed: numeric?.exercise?.seed, correct: true });
    const stored = await db.grillItem.findMany({ where: { grillId: id }, orderBy: { position: "asc" } });
    for (const item of stored) {
      expect(item.answeredAt).not.toBeNull();
      if (item.exerciseSlug) expect(item).toMatchObject({ score: 1, result: expect.objectContaining({ correct: true, attemptId: item.id }) });
      else expect(item).toMatchObject({ keyPointsHit: [0, 1], score: 2 / 3, answer: `My answer to ${item.position}` });
    }

    const finishes = await Promise.all([finish(auth, id), finish(auth, id)]);
    expect(finishes.map((r) => r.status)).toEqual([200, 200]);
    const [a, b] = (await Promise.all(finishes.map((r) => r.json()))) as GrillView[];
    expect(a).toEqual(b);
    expect(a?.summary).toMatchObject({ answered: 3, total: 3, requeued: 0 });
    expect(a?.summary?.score).toBeCloseTo((1 + 2 / 3 + 2 / 3) / 3, 10);
    expect(a?.items.map((i) => i.verdict)).toEqual(["passed", "passed", "passed"]);
    const session = await db.grillSession.findUniqueOrThrow({ where: { id } });
    expect(session.score).toBeCloseTo(a?.summary?.score ?? -1, 10);
    expect(session.finishedAt?.toISOString()).toBe(a?.finishedAt);
  });

  it("refuses a different second answer, answers to a finished grill, and bad input, changing nothing", async () => {
    const { db, auth } = await learner();
    const id = randomUUID();
    const grill = (await (await start(auth, { id })).json()) as GrillView;
    const interview = grill.items.find((i) => i.kind === "interview");
    const numeric = grill.items.find((i) => i.kind === "numeric");
    if (!interview || !numeric?.exercise) throw new Error("expected both kinds");

    expect(await replyOf(await answer(auth, id, interview.position, { answer: "first", timeMs: 1000 }))).toEqual({
      status: 200,
      stored: true,
      duplicate: false,
    });
    expect(await replyOf(await answer(auth, id, interview.position, { answer: "first", timeMs: 1000 }))).toEqual({
      status: 200,
      stored: true,
      duplicate: true,
    });
    expect((await answer(auth, id, interview.position, { answer: "second", timeMs: 1000 })).status).toBe(409);
    expect((await tick(auth, id, interview.position, [7])).status).toBe(422);
    expect((await tick(auth, id, numeric.position, [0])).status).toBe(409);
    expect((await answer(auth, id, numeric.position, { answer: "text for a numeric item", timeMs: 1000 })).status).toBe(422);
    expect((await answer(auth, id, 9, { answer: "no such item", timeMs: 1000 })).status).toBe(404);
    // A step the grader cannot read is feedback, not an answer: nothing stored, the learner may fix it.
    const keys = numeric.exercise.steps.map((s) => s.key);
    const unreadable = await answer(auth, id, numeric.position, { answers: Object.fromEntries(keys.map((k) => [k, "2 +* 3"])), timeMs: 1000 });
    expect(unreadable.status).toBe(200);
    expect(await unreadable.json()).toMatchObject({ stored: false, duplicate: false, item: { answered: false } });

    expect((await finish(auth, id)).status).toBe(200);
    const after = await answer(auth, id, numeric.position, { answers: rightAnswers(numeric.exercise.slug, numeric.exercise.seed), timeMs: 1000 });
    expect(after.status).toBe(409);
    expect((await tick(auth, id, interview.position, [0])).status).toBe(409);
    expect(await db.exerciseAttempt.count()).toBe(0);
    const items = await db.grillItem.findMany({ where: { grillId: id }, orderBy: { position: "asc" } });
    expect(items.filter((i) => i.answeredAt !== null).map((i) => i.position)).toEqual([interview.position]);
    const view = (await (await grillRoute.GET(request(auth, `/api/grills/${id}`), idParams(id))).json()) as GrillView;
    expect(view.items.find((i) => i.position === interview.position)).toMatchObject({ score: 0, verdict: "failed" });
    expect(view.items.find((i) => i.position === numeric.position)).toMatchObject({ verdict: "unanswered" });
    // Once over, the reveal of every question is open.
    expect(view.items.filter((i) => i.kind === "interview").every((i) => i.reveal !== null)).toBe(true);

    const before = await db.grillSession.count();
    for (const body of [{ id, length: 0 }, { id: randomUUID(), length: 12, difficulty: "HARD" }, { id: "nope" }, { id: randomUUID(), secondsPerItem: 5 }]) {
      expect((await start(auth, body)).status).toBe(422);
    }
    expect(await db.grillSession.count()).toBe(before);
  });

  it("answers 404 for another user's grill and 409 for a reused grill id", async () => {
    const { auth } = await learner();
    const other = await learner();
    const id = randomUUID();
    const grill = (await (await start(auth, { id })).json()) as GrillView;
    expect((await grillRoute.GET(request(other.auth, `/api/grills/${id}`), idParams(id))).status).toBe(404);
    expect((await answer(other.auth, id, 0, { answer: "x", timeMs: 1 })).status).toBe(404);
    expect((await tick(other.auth, id, 0, [])).status).toBe(404);
    expect((await finish(other.auth, id)).status).toBe(404);
    expect((await start(other.auth, { id })).status).toBe(409);
    const mine = (await (await grillRoute.GET(request(auth, `/api/grills/${id}`), idParams(id))).json()) as GrillView;
    expect(mine.finishedAt).toBeNull();
    expect(mine.items.map((i) => i.answered)).toEqual(grill.items.map(() => false));
  });

  it("filters by difficulty and lists the history newest first", async () => {
    const { db, user, auth } = await learner();
    const ids = [randomUUID(), randomUUID(), randomUUID()];
    for (const [i, id] of ids.entries()) {
      expect((await start(auth, { id, length: 3 + i, difficulty: i === 0 ? "EASY" : "ANY" })).status).toBe(201);
      // Distinct start times, oldest first.
      await db.grillSession.update({ where: { id }, data: { startedAt: new Date(Date.UTC(2026, 0, 1 + i)) } });
    }
    await finish(auth, ids[1] ?? "");
    const history = (await (await grillsRoute.GET(request(auth, "/api/grills"), undefined)).json()) as {
      grills: { id: string; length: number; difficulty: string | null; score: number | null }[];
    };
    expect(history.grills.map((g) => g.id)).toEqual([...ids].reverse());
    expect(history.grills.map((g) => g.length)).toEqual([5, 4, 3]);
    expect(history.grills.map((g) => g.difficulty)).toEqual([null, null, "EASY"]);
    expect(history.grills[1]?.score).toBe(0);
    expect(history.grills[0]?.score).toBeNull();

    const easy = await db.grillItem.findMany({ where: { grillId: ids[0] }, include: { card: true } });
    const numericDifficulty = new Map((await import("@/exercises")).EXERCISES.map((e) => [e.slug, e.difficulty]));
    for (const item of easy) expect(item.card?.difficulty ?? numericDifficulty.get(item.exerciseSlug ?? "")).toBe("EASY");
    const other = await learner();
    const theirs = (await (await grillsRoute.GET(request(other.auth, "/api/grills"), undefined)).json()) as { grills: unknown[] };
    expect(theirs.grills).toEqual([]);
    expect(user.id).not.toBe(other.user.id);
  });
});
