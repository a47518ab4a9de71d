// An exercise's figures across learners on real Postgres, from attempts the
// real grader stored for several real users: hidden below the minimum cohort,
// then attempts, first-try accuracy (unaided first attempts per variant), the
// named mistakes and the hardest step, each recomputed here from the graded
// results themselves; and the API answers the same to any signed-in learner.
import { randomUUID } from "node:crypto";
import { beforeEach, describe, expect, it } from "vitest";
import * as statsRoute from "@/app/api/exercises/[slug]/stats/route";
import { findExercise } from "@/exercises";
import { catalogue } from "@/exercises/catalogue";
import { gradeAttempt, type GradeAttemptResult } from "@/lib/attempts/grade-attempt";
import { type ExerciseStats, loadExerciseStats, MIN_COHORT } from "@/lib/attempts/exercise-stats";
import { cachedExerciseStats, STATS_CACHE_TTL_MS } from "@/lib/attempts/exercise-stats-cache";
import { revealVariant } from "@/lib/attempts/reveal-variant";
import type { ExpectedValue } from "@/lib/answers";
import type { MaskSetup } from "@/lib/drawing/drawing-prompt";
import { maskFrom } from "@/lib/drawing/mask-grid";
import { recordDrawingAttempt } from "@/lib/drawing/record-drawing-attempt";
import { formatStepValue } from "@/lib/grading";
import * as float64 from "@/lib/reference/float64";
import { resetDb, testDb } from "../support/db";
import { bearerFor, createUser } from "../support/fixtures";

const SLUG = "causal-mask-row";
const exercise = findExercise(SLUG);
if (!exercise) throw new Error(SLUG);
const NOW = new Date("2026-11-20T10:00:00Z");

const typed = (values: Record<string, ExpectedValue | undefined>): Record<string, string> =>
  Object.fromEntries(Object.entries(values).flatMap(([k, v]) => (v === undefined ? [] : [[k, formatStepValue(v, 12)]])));
const right = (seed: number) => typed(exercise.solve(seed, float64));
const wrongMethod = (seed: number, code: string): Record<string, string> => {
  const method = exercise.wrongMethods(seed, float64).find((m) => m.code === code);
  if (!method) throw new Error(code);
  return typed({ ...exercise.solve(seed, float64), ...method.values });
};

const get = async (auth: string, slug: string) => {
  const response = await statsRoute.GET(new Request(`http://localhost/api/exercises/${slug}/stats`, { headers: { authorization: auth } }), {
    params: Promise.resolve({ slug }),
  });
  return { status: response.status, body: (await response.json()) as ExerciseStats };
};

describe("an exercise's figures across learners", () => {
  beforeEach(resetDb);

  it("hides every figure below the cohort, then shows them computed from the stored attempts", async () => {
    const db = testDb();
    const users = [];
    for (let i = 0; i < MIN_COHORT; i++) users.push(await createUser(db, `learner-${i}`));
    const graded: { result: GradeAttemptResult }[] = [];
    // A minute apart, so "first attempt at a variant" is decided by time, as it is for a learner.
    const clock = () => new Date(NOW.getTime() + graded.length * 60_000);
    const attempt = async (userId: string, seed: number, answers: Record<string, string>) => {
      const result = await gradeAttempt(db, catalogue, { userId, attemptId: randomUUID(), slug: SLUG, seed, answers }, clock());
      graded.push({ result });
      return result;
    };
    const [u0, u1, u2, u3, u4] = users.map((u) => u.id);
    if (!u0 || !u1 || !u2 || !u3 || !u4) throw new Error("users");

    // Three pass their variant at the first try.
    for (const [i, id] of [u0, u1, u2].entries()) await attempt(id, 10 + i, right(10 + i));
    // One masks after the softmax, then passes at the second try (still unaided).
    await attempt(u3, 20, wrongMethod(20, "mask-after-softmax"));
    await attempt(u3, 20, right(20));

    const auth = await bearerFor(db, u0);
    const hidden = await get(auth, SLUG);
    expect(hidden.status).toBe(200);
    expect(hidden.body).toMatchObject({ exercise: SLUG, shown: false, figures: null, minimumLearners: MIN_COHORT });
    expect(hidden.body.message).toContain(`once ${MIN_COHORT} learners`);
    expect(JSON.stringify(hidden.body)).not.toMatch(/"attempts"|"learners"/);

    // The fifth masks the upper triangle, asks for the answers and copies them; on another
    // variant they ask for the answers before trying at all.
    await attempt(u4, 30, wrongMethod(30, "upper-triangle"));
    await revealVariant(db, catalogue, { userId: u4, slug: SLUG, seed: 30 }, clock());
    expect(await attempt(u4, 30, right(30))).toMatchObject({ afterReveal: true, correct: true });
    await revealVariant(db, catalogue, { userId: u4, slug: SLUG, seed: 31 }, clock());
    expect(await attempt(u4, 31, right(31))).toMatchObject({ afterReveal: true });

    const { status, body } = await get(await bearerFor(db, u4), SLUG);
    expect(status).toBe(200);
    expect(body).toMatchObject({ shown: true, kind: "exercise", title: exercise.title });
    const figures = body.figures;
    if (!figures) throw new Error("no figures");
    expect(figures).toMatchObject({ learners: 5, attempts: 8, afterReveal: 2 });
    // First attempts at the five variants made before a reveal: seeds 10, 11, 12, 20, 30; three passed.
    expect(figures.firstTry).toEqual({ variants: 5, passed: 3, accuracy: 0.6 });

    // Mistakes and step accuracy, recomputed from what the grader answered.
    const tally = new Map<string, number>();
    for (const { result } of graded) for (const code of result.misconceptions) tally.set(code, (tally.get(code) ?? 0) + 1);
    expect(tally.get("mask-after-softmax")).toBe(1);
    expect(tally.get("upper-triangle")).toBe(1);
    expect(Object.fromEntries(figures.mistakes.map((m) => [m.code, m.attempts]))).toEqual(Object.fromEntries(tally));
    for (const m of figures.mistakes) {
      expect(m.learners).toBe(1);
      expect(m.name).not.toContain("-");
    }
    const unaided = graded.filter(({ result }) => !result.afterReveal);
    for (const s of figures.steps) {
      const verdicts = unaided.map(({ result }) => result.steps.find((x) => x.step === s.step)?.correct);
      expect(s.tried).toBe(verdicts.length);
      expect(s.right).toBe(verdicts.filter(Boolean).length);
    }
    expect(figures.steps.map((s) => s.step)).toEqual(exercise.steps.map((s) => s.key));
    const lowest = Math.min(...figures.steps.map((s) => s.accuracy ?? 1));
    expect(figures.hardestStep?.accuracy).toBe(lowest);
    expect(figures.hardestStep?.accuracy).toBeLessThan(1);

    // Nothing in the answer names or counts a single learner.
    const text = JSON.stringify(body);
    for (const u of users) expect(text).not.toContain(u.id);
    for (const u of users) expect(text).not.toContain(u.email);
  });

  it("counts a drawing's items and mistakes the same way", async () => {
    const db = testDb();
    const slug = "causal-mask-grid";
    const prompt = catalogue.findDrawingPrompt(slug);
    if (!prompt) throw new Error(slug);
    for (let i = 0; i < MIN_COHORT; i++) {
      const user = await createUser(db, `drawer-${i}`);
      const n = 4 + (i % 2);
      // Seeds whose grid size is n: the prompt picks it from the seed.
      let seed = 0;
      while ((prompt.variant(seed).setup as MaskSetup).n !== n) seed++;
      const grid = i < 2 ? maskFrom(n, (r, c) => c < r) : maskFrom(n, (r, c) => c <= r);
      await recordDrawingAttempt(db, catalogue, { userId: user.id, attemptId: randomUUID(), slug, seed, answer: { kind: "mask-grid", grid } }, NOW);
    }
    const stats = await loadExerciseStats(db, catalogue, slug);
    expect(stats).toMatchObject({ kind: "drawing", shown: true });
    expect(stats.figures).toMatchObject({ learners: 5, attempts: 5, firstTry: { variants: 5, passed: 3, accuracy: 0.6 } });
    expect(stats.figures?.mistakes).toMatchObject([{ code: "diagonal-left-out", attempts: 2, learners: 2 }]);
    // The diagonal was left out by one 4×4 and one 5×5 drawer: cell 4,4 exists only in the two 5×5 grids.
    expect(stats.figures?.hardestStep).toMatchObject({ step: "4,4", tried: 2, right: 1, accuracy: 0.5 });
    expect(stats.figures?.steps.slice(1, 5)).toMatchObject(["0,0", "1,1", "2,2", "3,3"].map((step) => ({ step, tried: 5, right: 3, accuracy: 0.6 })));
  });

  it("reuses shown figures for a while, but never keeps an answer below the cohort", async () => {
    const db = testDb();
    const slug = "bidirectional-mask-grid";
    const n = (seed: number) => (catalogue.findDrawingPrompt(slug)?.variant(seed).setup as MaskSetup | undefined)?.n ?? 0;
    const draw = async (userId: string, seed: number) =>
      recordDrawingAttempt(
        db,
        catalogue,
        { userId, attemptId: randomUUID(), slug, seed, answer: { kind: "mask-grid", grid: maskFrom(n(seed), () => true) } },
        NOW,
      );
    const users = [];
    for (let i = 0; i < MIN_COHORT; i++) users.push((await createUser(db, `cached-${i}`)).id);
    for (const [i, id] of users.slice(0, -1).entries()) await draw(id, i);
    const at = (ms: number) => new Date(NOW.getTime() + ms);
    expect(await cachedExerciseStats(db, catalogue, slug, at(0))).toMatchObject({ shown: false });
    await draw(users.at(-1) ?? "", 9);
    expect((await cachedExerciseStats(db, catalogue, slug, at(1000))).figures).toMatchObject({ learners: 5, attempts: 5 });
    await draw(users[0] ?? "", 10);
    expect((await cachedExerciseStats(db, catalogue, slug, at(2000))).figures).toMatchObject({ attempts: 5 });
    expect((await cachedExerciseStats(db, catalogue, slug, at(1000 + STATS_CACHE_TTL_MS + 1))).figures).toMatchObject({ attempts: 6 });
  });

  it("answers 404 for an unknown slug and 401 without a learner", async () => {
    const db = testDb();
    const auth = await bearerFor(db, (await createUser(db)).id);
    expect((await get(auth, "no-such-exercise")).status).toBe(404);
    expect((await get("Bearer nope", SLUG)).status).toBe(401);
  });
});
