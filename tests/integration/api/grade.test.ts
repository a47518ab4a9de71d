// The grading API on real Postgres: variants, grading, attempt storage,
// idempotent retries, and bad input that stores nothing.
import { randomUUID } from "node:crypto";
import { beforeEach, describe, expect, it } from "vitest";
import * as exercisesRoute from "@/app/api/exercises/route";
import * as variantRoute from "@/app/api/exercises/[slug]/route";
import * as gradeRoute from "@/app/api/grade/route";
import { findExercise } from "@/exercises";
import { formatStepValue } from "@/lib/grading";
import * as float64 from "@/lib/reference/float64";
import { resetDb, testDb } from "../support/db";
import { bearerFor, createUser } from "../support/fixtures";

const SLUG = "layernorm-by-hand";
const SEED = 42;

const get = (auth: string, url = "http://localhost/api") => new Request(url, { headers: { authorization: auth } });
const post = (auth: string, body: unknown) =>
  new Request("http://localhost/api/grade", {
    method: "POST",
    headers: { authorization: auth, "content-type": "application/json" },
    body: typeof body === "string" ? body : JSON.stringify(body),
  });

function referenceAnswers(slug: string, seed: number): Record<string, string> {
  const exercise = findExercise(slug);
  if (!exercise) throw new Error(slug);
  const values = exercise.solve(seed, float64);
  return Object.fromEntries(exercise.steps.map((s) => [s.key, formatStepValue(values[s.key] ?? 0, 12)]));
}

describe("grading API", () => {
  beforeEach(resetDb);

  async function learner() {
    const db = testDb();
    const user = await createUser(db);
    return { db, user, auth: await bearerFor(db, user.id) };
  }

  it("lists the catalogue and serves a variant without answers", async () => {
    const { auth } = await learner();
    const list = (await (await exercisesRoute.GET(get(auth), undefined)).json()) as { exercises: { slug: string }[] };
    expect(list.exercises.length).toBeGreaterThanOrEqual(15);
    expect(list.exercises.map((e) => e.slug)).toContain(SLUG);

    const params = { params: Promise.resolve({ slug: SLUG }) };
    const a = await (await variantRoute.GET(get(auth, `http://localhost/api/exercises/${SLUG}?seed=${SEED}`), params)).json();
    const b = await (await variantRoute.GET(get(auth, `http://localhost/api/exercises/${SLUG}?seed=${SEED}`), params)).json();
    expect(a).toEqual(b);
    expect(a).toMatchObject({ slug: SLUG, seed: SEED });
    const answers = Object.values(referenceAnswers(SLUG, SEED));
    const body = JSON.stringify(a);
    expect(answers.some((v) => v.length > 3 && body.includes(v))).toBe(false);

    const missing = await variantRoute.GET(get(auth, "http://localhost/api/exercises/nope?seed=1"), { params: Promise.resolve({ slug: "nope" }) });
    expect(missing.status).toBe(404);
  });

  it("grades the reference answer as fully correct and stores the attempt once", async () => {
    const { db, user, auth } = await learner();
    const id = randomUUID();
    const answers = referenceAnswers(SLUG, SEED);
    const response = await gradeRoute.POST(post(auth, { exercise: SLUG, seed: SEED, answers, id, durationMs: 30_000 }), undefined);
    expect(response.status).toBe(200);
    const result = (await response.json()) as { score: number; correct: boolean; backend: string; ms: number; steps: unknown[] };
    expect(result).toMatchObject({ score: 1, correct: true, backend: "float64", stored: true, duplicate: false, credited: true });
    expect(result.ms).toBeGreaterThanOrEqual(0);

    const retry = await gradeRoute.POST(post(auth, { exercise: SLUG, seed: SEED, answers, id }), undefined);
    expect(retry.status).toBe(200);
    expect(await retry.json()).toMatchObject({ duplicate: true, stored: true, score: 1 });
    const stored = await db.exerciseAttempt.findMany({ where: { userId: user.id } });
    expect(stored).toHaveLength(1);
    expect(stored[0]).toMatchObject({ exerciseSlug: SLUG, seed: SEED, answers, score: 1, correct: true, durationMs: 30_000 });
  });

  it("names a misconception when the answer matches a known wrong method", async () => {
    const { db, auth } = await learner();
    const exercise = findExercise(SLUG);
    const wrong = exercise?.wrongMethods(SEED, float64).find((m) => m.code === "sample-variance");
    expect(wrong).toBeDefined();
    const answers = { ...referenceAnswers(SLUG, SEED) };
    for (const [step, value] of Object.entries(wrong?.values ?? {})) answers[step] = formatStepValue(value ?? 0, 12);
    const response = await gradeRoute.POST(post(auth, { exercise: SLUG, seed: SEED, answers }), undefined);
    const result = (await response.json()) as { correct: boolean; misconceptions: string[] };
    expect(result.correct).toBe(false);
    expect(result.misconceptions).toContain("sample-variance");
    expect((await db.exerciseAttempt.findFirstOrThrow()).misconceptions).toContain("sample-variance");
  });

  it.each([
    { name: "unknown exercise", body: { exercise: "no-such-exercise", seed: 1, answers: { mean: "1" } }, status: 404 },
    { name: "no step answered", body: { exercise: SLUG, seed: 1, answers: {} }, status: 422 },
    { name: "only blank steps", body: { exercise: SLUG, seed: 1, answers: { mean: " ", std: "" } }, status: 422 },
    { name: "unknown step", body: { exercise: SLUG, seed: 1, answers: { ...referenceAnswers(SLUG, 1), bogus: "1" } }, status: 422 },
    { name: "hostile expression", body: { exercise: SLUG, seed: 1, answers: { ...referenceAnswers(SLUG, 1), mean: "import({}, {})" } }, status: 422 },
    { name: "answer too long", body: { exercise: SLUG, seed: 1, answers: { ...referenceAnswers(SLUG, 1), mean: "1".repeat(500) } }, status: 422 },
    { name: "1 MB body", body: JSON.stringify({ exercise: SLUG, seed: 1, answers: { mean: "x".repeat(1_000_000) } }), status: 413 },
    { name: "negative seed", body: { exercise: SLUG, seed: -1, answers: {} }, status: 422 },
  ])("rejects $name with $status and stores nothing", async ({ body, status }) => {
    const { db, auth } = await learner();
    const response = await gradeRoute.POST(post(auth, body), undefined);
    expect(response.status).toBe(status);
    const error = (await response.json()) as { error: { message: string } };
    expect(error.error.message.length).toBeGreaterThan(0);
    expect(await db.exerciseAttempt.count()).toBe(0);
  });

  it("answers unreadable text with a message and costs no attempt", async () => {
    const { db, auth } = await learner();
    const answers = { ...referenceAnswers(SLUG, SEED), mean: "2 +" };
    const response = await gradeRoute.POST(post(auth, { exercise: SLUG, seed: SEED, answers }), undefined);
    expect(response.status).toBe(200);
    const result = (await response.json()) as { stored: boolean; unparseable: string[] };
    expect(result).toMatchObject({ stored: false, unparseable: ["mean"], variant: { tries: 0, triesLeft: 3 } });
    expect(await db.exerciseAttempt.count()).toBe(0);
  });
});
