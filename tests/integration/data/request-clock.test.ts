// Every row a request writes is dated by that request's clock (the `now` the
// route reads once), never by the database's now() or a second clock read deep
// in lib/. The JavaScript clock is pinned to instants far from the real time,
// so a row dated by Postgres (or by a column default) gives itself away.
import { randomUUID } from "node:crypto";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import * as gradeRoute from "@/app/api/grade/route";
import * as reviewsRoute from "@/app/api/reviews/route";
import * as undoRoute from "@/app/api/reviews/[id]/undo/route";
import * as settingsRoute from "@/app/api/settings/route";
import * as tokensRoute from "@/app/api/tokens/route";
import { findExercise } from "@/exercises";
import { formatStepValue } from "@/lib/grading";
import * as float64 from "@/lib/reference/float64";
import { resetDb, testDb } from "../support/db";
import { bearerFor, createModuleWithCards, createUser, enroll } from "../support/fixtures";

const at = (iso: string) => new Date(iso);
const T_GRADE = at("2031-05-06T07:00:00.000Z");
const T_FIRST = at("2031-05-06T07:01:00.000Z");
const T_SECOND = at("2031-05-07T08:00:00.000Z");
const T_UNDO = at("2031-05-07T08:00:30.000Z");
const T_SETTINGS = at("2031-05-08T09:00:00.000Z");
const T_TOKEN = at("2031-05-09T10:00:00.000Z");

const send = (auth: string, url: string, method: string, body?: unknown) =>
  new Request(`http://localhost${url}`, {
    method,
    headers: { authorization: auth, "content-type": "application/json" },
    body: body === undefined ? undefined : JSON.stringify(body),
  });

function referenceAnswers(slug: string, seed: number): Record<string, string> {
  const exercise = findExercise(slug);
  if (!exercise) throw new Error(slug);
  const values = exercise.solve(seed, float64);
  return Object.fromEntries(exercise.steps.map((s) => [s.key, formatStepValue(values[s.key] ?? 0, 12)]));
}

describe("the request's clock dates every row it writes", () => {
  beforeEach(resetDb);
  afterEach(() => {
    vi.useRealTimers();
  });

  it("attempts, card states, review logs, undos, settings and tokens carry the request's now", async () => {
    const db = testDb();
    const user = await createUser(db);
    const { moduleId, cardIds } = await createModuleWithCards(db, { cards: 1 });
    await enroll(db, user.id, moduleId);
    const auth = await bearerFor(db, user.id);
    const cardId = cardIds[0] ?? "";
    vi.useFakeTimers({ toFake: ["Date"] });

    vi.setSystemTime(T_GRADE);
    const attemptId = randomUUID();
    const graded = await gradeRoute.POST(
      send(auth, "/api/grade", "POST", { exercise: "layernorm-by-hand", seed: 42, answers: referenceAnswers("layernorm-by-hand", 42), id: attemptId }),
      undefined,
    );
    expect(graded.status).toBe(200);

    vi.setSystemTime(T_FIRST);
    const first = randomUUID();
    expect((await reviewsRoute.POST(send(auth, "/api/reviews", "POST", { id: first, cardId, rating: 3 }), undefined)).status).toBe(201);
    vi.setSystemTime(T_SECOND);
    const second = randomUUID();
    expect((await reviewsRoute.POST(send(auth, "/api/reviews", "POST", { id: second, cardId, rating: 3 }), undefined)).status).toBe(201);
    const afterSecond = await db.cardState.findUniqueOrThrow({ where: { userId_cardId: { userId: user.id, cardId } } });
    expect({ createdAt: afterSecond.createdAt, updatedAt: afterSecond.updatedAt }).toEqual({ createdAt: T_FIRST, updatedAt: T_SECOND });

    vi.setSystemTime(T_UNDO);
    const undone = await undoRoute.POST(send(auth, `/api/reviews/${second}/undo`, "POST"), { params: Promise.resolve({ id: second }) });
    expect(undone.status).toBe(200);

    vi.setSystemTime(T_SETTINGS);
    expect((await settingsRoute.PATCH(send(auth, "/api/settings", "PATCH", { newCardsPerDay: 12 }), undefined)).status).toBe(200);

    vi.setSystemTime(T_TOKEN);
    const created = await tokensRoute.POST(send(auth, "/api/tokens", "POST", { name: "clock" }), undefined);
    expect(created.status).toBe(201);

    const attempt = await db.exerciseAttempt.findUniqueOrThrow({ where: { id: attemptId } });
    const state = await db.cardState.findUniqueOrThrow({ where: { userId_cardId: { userId: user.id, cardId } } });
    const log = await db.reviewLog.findUniqueOrThrow({ where: { id: first } });
    const undo = await db.reviewUndo.findUniqueOrThrow({ where: { id: second } });
    const settings = await db.userSettings.findUniqueOrThrow({ where: { userId: user.id } });
    const token = await db.apiToken.findFirstOrThrow({ where: { userId: user.id, name: "clock" } });
    expect({
      attempt: attempt.createdAt,
      stateCreated: state.createdAt,
      stateUpdated: state.updatedAt,
      log: log.createdAt,
      undo: undo.undoneAt,
      settings: settings.updatedAt,
      token: token.createdAt,
    }).toEqual({
      attempt: T_GRADE,
      stateCreated: T_FIRST,
      stateUpdated: T_UNDO,
      log: T_FIRST,
      undo: T_UNDO,
      settings: T_SETTINGS,
      token: T_TOKEN,
    });
  });
});
