// Rows are parsed, not cast: a JSON column that does not hold what its
// schema says fails as an internal error (500, nothing of it shown) instead
// of being handed to the client as if it were a grade; and reading settings
// writes nothing.
import { randomUUID } from "node:crypto";
import { beforeEach, describe, expect, it, vi } from "vitest";
import * as gradeRoute from "@/app/api/grade/route";
import * as grillsRoute from "@/app/api/grills/route";
import * as grillRoute from "@/app/api/grills/[id]/route";
import * as answerRoute from "@/app/api/grills/[id]/items/[position]/answer/route";
import * as settingsRoute from "@/app/api/settings/route";
import { onboardUser } from "@/lib/accounts/onboard";
import { defaultUserSettings, selectUserSettings } from "@/lib/data/user-settings";
import type { GrillView } from "@/lib/grills/grill-view";
import { resetDb, testDb } from "../support/db";
import { bearerFor, createModuleWithCards, createUser } from "../support/fixtures";
import { createGrillModule, rightAnswers } from "../support/grill-fixtures";

const send = (auth: string, url: string, body?: unknown) =>
  new Request(`http://localhost${url}`, {
    method: body === undefined ? "GET" : "POST",
    headers: { authorization: auth, "content-type": "application/json" },
    body: body === undefined ? undefined : JSON.stringify(body),
  });

async function learner() {
  const db = testDb();
  const user = await createUser(db);
  return { db, user, auth: await bearerFor(db, user.id) };
}

/** Runs `work` with console.error silenced (the 500 path logs the detail) and returns what was logged. */
async function quietly<T>(work: () => Promise<T>): Promise<{ result: T; logged: string }> {
  const spy = vi.spyOn(console, "error").mockImplementation(() => undefined);
  try {
    const result = await work();
    return { result, logged: spy.mock.calls.map((call) => call.map(String).join(" ")).join("\n") };
  } finally {
    spy.mockRestore();
  }
}

describe("stored JSON is parsed on read", () => {
  beforeEach(resetDb);

  it("a malformed grill_item.result is a 500 naming the column, not a grade shown to the learner", async () => {
    const { db, user, auth } = await learner();
    await createGrillModule(db, user.id, [{ topic: "Attention" }, { topic: "Norms" }, { topic: "Costs" }]);
    const id = randomUUID();
    const started = await grillsRoute.POST(send(auth, "/api/grills", { id, length: 3, difficulty: "ANY", secondsPerItem: 90 }), undefined);
    const grill = (await started.json()) as GrillView;
    const numeric = grill.items.find((i) => i.kind === "numeric");
    if (!numeric?.exercise) throw new Error("expected a numeric item");
    const params = { params: Promise.resolve({ id, position: String(numeric.position) }) };
    const body = { answers: rightAnswers(numeric.exercise.slug, numeric.exercise.seed), timeMs: 5_000 };
    const answered = await answerRoute.POST(send(auth, `/api/grills/${id}/items/${numeric.position}/answer`, body), params);
    expect(answered.status).toBe(200);
    expect(await answered.json()).toMatchObject({ stored: true, duplicate: false });

    await db.grillItem.updateMany({ where: { grillId: id, position: numeric.position }, data: { result: { score: "full marks", steps: "all" } } });
    const { result: response, logged } = await quietly(() => grillRoute.GET(send(auth, `/api/grills/${id}`), { params: Promise.resolve({ id }) }));
    expect(response.status).toBe(500);
    const text = await response.text();
    expect(text).not.toContain("full marks");
    expect(logged).toContain("result");
  });

  it("a malformed exercise_attempt.steps is a 500 on a retried grade, not echoed back", async () => {
    const { db, auth } = await learner();
    const id = randomUUID();
    const body = { exercise: "layernorm-by-hand", seed: 42, answers: rightAnswers("layernorm-by-hand", 42), id };
    expect((await gradeRoute.POST(send(auth, "/api/grade", body), undefined)).status).toBe(200);
    await db.exerciseAttempt.update({ where: { id }, data: { steps: [{ step: "mean", score: "all of it" }] } });
    const { result: retry, logged } = await quietly(() => gradeRoute.POST(send(auth, "/api/grade", body), undefined));
    expect(retry.status).toBe(500);
    expect(await retry.text()).not.toContain("all of it");
    expect(logged).toContain("steps");
  });
});

describe("user settings", () => {
  beforeEach(resetDb);

  it("reading the settings of a user without a row answers the defaults and writes nothing", async () => {
    const { db, user, auth } = await learner();
    await db.userSettings.deleteMany({ where: { userId: user.id } });
    const response = await settingsRoute.GET(send(auth, "/api/settings"), undefined);
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({
      desiredRetention: 0.9,
      newCardsPerDay: 20,
      dayStartHour: 4,
      timeZone: "UTC",
      buttonMode: "FOUR",
      theme: "SYSTEM",
    });
    expect(await db.userSettings.count({ where: { userId: user.id } })).toBe(0);
  });

  it("the in-code defaults are the table's column defaults, and onboarding dates its rows by its now", async () => {
    const db = testDb();
    const id = randomUUID();
    const now = new Date("2030-02-03T04:05:06.000Z");
    await createModuleWithCards(db, { cards: 1 });
    await db.user.create({ data: { id, name: "defaults", email: `${id}@example.test` } });
    await onboardUser(db, id, now);
    expect(await selectUserSettings(db, id)).toEqual(defaultUserSettings(id));
    expect((await db.userSettings.findUniqueOrThrow({ where: { userId: id } })).updatedAt).toEqual(now);
    const enrolments = await db.enrollment.findMany({ where: { userId: id } });
    expect(enrolments.map((e) => e.enrolledAt)).toEqual([now]);
  });
});
