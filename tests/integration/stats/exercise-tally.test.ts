// The per-learner tallies behind an exercise's figures, on real Postgres:
// kept attempt by attempt as the real grader stores them, they hold exactly
// what a recount of the stored attempts gives (the library's recount and the
// migration's own statement); a retry, an unread attempt or an insert that
// finds its id taken adds nothing; and
// a deleted learner leaves the figures, down to hiding them below the cohort.
import { randomUUID } from "node:crypto";
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { beforeEach, describe, expect, it } from "vitest";
import { findExercise } from "@/exercises";
import { catalogue } from "@/exercises/catalogue";
import { gradeAttempt } from "@/lib/attempts/grade-attempt";
import { loadExerciseStats, MIN_COHORT } from "@/lib/attempts/exercise-stats";
import { revealVariant } from "@/lib/attempts/reveal-variant";
import type { ExpectedValue } from "@/lib/answers";
import { insertAttemptOnce, NumericAttemptJson } from "@/lib/data/exercise-attempt";
import { rebuildExerciseTallies } from "@/lib/data/exercise-tally";
import type { MaskSetup } from "@/lib/drawing/drawing-prompt";
import { maskFrom } from "@/lib/drawing/mask-grid";
import { recordDrawingAttempt } from "@/lib/drawing/record-drawing-attempt";
import { formatStepValue } from "@/lib/grading";
import * as float64 from "@/lib/reference/float64";
import { resetDb, testDb } from "../support/db";
import { createUser } from "../support/fixtures";

const SLUG = "causal-mask-row";
const DRAWING = "causal-mask-grid";
const exercise = findExercise(SLUG);
if (!exercise) throw new Error(SLUG);
const T0 = Date.parse("2026-11-20T10:00:00Z");

const typed = (values: Record<string, ExpectedValue | undefined>): Record<string, string> =>
  Object.fromEntries(Object.entries(values).flatMap(([k, v]) => (v === undefined ? [] : [[k, formatStepValue(v, 12)]])));
const right = (seed: number) => typed(exercise.solve(seed, float64));
const wrong = (seed: number, index: number): Record<string, string> => {
  const methods = exercise.wrongMethods(seed, float64);
  const method = methods[index % methods.length];
  if (!method) throw new Error("no wrong method");
  return typed({ ...exercise.solve(seed, float64), ...method.values });
};

/** Every tally row, in a fixed order, as plain values. */
async function tallies() {
  const db = testDb();
  return {
    learners: await db.exerciseTally.findMany({ orderBy: [{ exerciseSlug: "asc" }, { userId: "asc" }] }),
    steps: await db.exerciseStepTally.findMany({ orderBy: [{ exerciseSlug: "asc" }, { userId: "asc" }, { step: "asc" }] }),
    mistakes: await db.exerciseMistakeTally.findMany({ orderBy: [{ exerciseSlug: "asc" }, { userId: "asc" }, { code: "asc" }] }),
  };
}

/** The backfill statement of the migration that made the tally tables, as written there. */
function migrationBackfill(): string {
  const dir = readdirSync(join("prisma", "migrations")).find((name) => name.endsWith("_exercise_tallies"));
  if (!dir) throw new Error("no exercise_tallies migration");
  const sql = readFileSync(join("prisma", "migrations", dir, "migration.sql"), "utf8");
  const start = sql.indexOf("-- Tally the attempts already stored");
  if (start < 0) throw new Error("the migration has no backfill");
  return sql.slice(start);
}

/** Seven learners: right, wrong then right, revealed and copied, unread, retried; and a drawing each. */
async function practise(): Promise<string[]> {
  const db = testDb();
  let tick = 0;
  const clock = () => new Date(T0 + tick++ * 60_000);
  const users: string[] = [];
  for (let i = 0; i < 7; i++) users.push((await createUser(db, `tally-${i}`)).id);
  const grade = (userId: string, seed: number, answers: Record<string, string>, attemptId: string = randomUUID()) =>
    gradeAttempt(db, catalogue, { userId, attemptId, slug: SLUG, seed, answers }, clock());
  const prompt = catalogue.findDrawingPrompt(DRAWING);
  if (!prompt) throw new Error(DRAWING);
  for (const [i, userId] of users.entries()) {
    const seed = 100 + i;
    if (i % 3 === 0) await grade(userId, seed, right(seed));
    if (i % 3 === 1) {
      await grade(userId, seed, wrong(seed, i));
      await grade(userId, seed, right(seed));
    }
    if (i % 3 === 2) {
      await grade(userId, seed, wrong(seed, i));
      await revealVariant(db, catalogue, { userId, slug: SLUG, seed }, clock());
      await grade(userId, seed, right(seed));
      await revealVariant(db, catalogue, { userId, slug: SLUG, seed: seed + 50 }, clock());
      await grade(userId, seed + 50, right(seed + 50));
    }
    // A retry of one post, and an answer with a step that cannot be read: neither is a new attempt.
    const id = randomUUID();
    expect(await grade(userId, seed + 20, wrong(seed + 20, i + 1), id)).toMatchObject({ stored: true, duplicate: false });
    expect(await grade(userId, seed + 20, wrong(seed + 20, i + 1), id)).toMatchObject({ stored: true, duplicate: true });
    expect(await grade(userId, seed + 30, { ...right(seed + 30), weights: "[0.5, oops" })).toMatchObject({ stored: false });
    const n = (prompt.variant(i).setup as MaskSetup).n;
    const grid = maskFrom(n, (r, c) => (i % 2 === 0 ? c <= r : c < r));
    await recordDrawingAttempt(db, catalogue, { userId, attemptId: randomUUID(), slug: DRAWING, seed: i, answer: { kind: "mask-grid", grid } }, clock());
  }
  return users;
}

describe("the tallies behind an exercise's figures", () => {
  beforeEach(resetDb);

  it("hold, attempt by attempt, what a recount of the stored attempts gives, and so does the migration's backfill", async () => {
    await practise();
    const kept = await tallies();
    expect(kept.learners).toHaveLength(14);
    expect(kept.mistakes.length).toBeGreaterThan(0);
    const attempts = await testDb().exerciseAttempt.count();
    expect(kept.learners.reduce((sum, t) => sum + t.attempts, 0)).toBe(attempts);

    await rebuildExerciseTallies(testDb());
    expect(await tallies()).toEqual(kept);

    await testDb().$executeRaw`TRUNCATE exercise_tally, exercise_step_tally, exercise_mistake_tally`;
    await testDb().$executeRawUnsafe(migrationBackfill());
    expect(await tallies()).toEqual(kept);
  });

  it("add an attempt in the statement that stores it, and only when it stores it: the same id again, or another learner's, adds nothing", async () => {
    const db = testDb();
    const [first, other] = [await createUser(db, "tally-a"), await createUser(db, "tally-b")];
    const key = { attemptId: randomUUID(), userId: first.id, slug: SLUG, seed: 7 };
    const fields = {
      answers: right(7),
      steps: [{ step: "weights", score: 1, correct: true, feedback: "Right." }],
      score: 1,
      correct: true,
      misconceptions: ["upper-triangle"],
      backend: "float64",
      gradingMs: 0.25,
      durationMs: null,
      afterReveal: false,
    };
    expect(await insertAttemptOnce(db, key, fields, NumericAttemptJson, new Date(T0))).toBeNull();
    expect(await db.exerciseAttempt.findUniqueOrThrow({ where: { id: key.attemptId } })).toMatchObject({
      ...fields,
      userId: first.id,
      exerciseSlug: SLUG,
      seed: 7,
      createdAt: new Date(T0),
    });
    const once = await tallies();
    expect(once.learners).toMatchObject([{ userId: first.id, attempts: 1, afterReveal: 0, firstTries: 1, firstTryPasses: 1 }]);
    expect(once.steps).toMatchObject([{ step: "weights", tried: 1, right: 1 }]);
    expect(once.mistakes).toMatchObject([{ code: "upper-triangle", attempts: 1 }]);

    const again = await insertAttemptOnce(db, key, fields, NumericAttemptJson, new Date(T0 + 1000));
    expect(again).toMatchObject({ id: key.attemptId, createdAt: new Date(T0) });
    await expect(insertAttemptOnce(db, { ...key, userId: other.id }, fields, NumericAttemptJson, new Date(T0 + 2000))).rejects.toMatchObject({
      code: "CONFLICT",
    });
    expect(await tallies()).toEqual(once);

    // A second attempt at the variant is no first try; one after the reveal counts no steps.
    const later = { ...fields, correct: false, misconceptions: [] };
    expect(await insertAttemptOnce(db, { ...key, attemptId: randomUUID() }, later, NumericAttemptJson, new Date(T0 + 3000))).toBeNull();
    expect(
      await insertAttemptOnce(db, { ...key, attemptId: randomUUID() }, { ...later, afterReveal: true }, NumericAttemptJson, new Date(T0 + 4000)),
    ).toBeNull();
    const kept = await tallies();
    expect(kept.learners).toMatchObject([{ attempts: 3, afterReveal: 1, firstTries: 1, firstTryPasses: 1 }]);
    expect(kept.steps).toMatchObject([{ step: "weights", tried: 2, right: 2 }]);
    await rebuildExerciseTallies(db);
    expect(await tallies()).toEqual(kept);
  });

  it("counts first tries per variant before a reveal, and steps only from unaided attempts", async () => {
    await practise();
    const figures = (await loadExerciseStats(testDb(), catalogue, SLUG)).figures;
    if (!figures) throw new Error("hidden");
    // Per learner: the first variant (100+i) and the retried one (120+i); i % 3 === 2 also copied a revealed 150+i.
    expect(figures).toMatchObject({ learners: 7, attempts: 3 * 1 + 2 * 2 + 2 * 3 + 7, afterReveal: 4 });
    const unaided = await testDb().exerciseAttempt.findMany({ where: { exerciseSlug: SLUG, afterReveal: false }, select: { steps: true } });
    for (const step of figures.steps) {
      const verdicts = unaided.map((a) => (a.steps as { step: string; correct: boolean }[]).find((s) => s.step === step.step)?.correct);
      expect(step).toMatchObject({ tried: verdicts.length, right: verdicts.filter(Boolean).length });
    }
  });

  it("drop a deleted learner from the figures, and hide them once fewer than the cohort remain", async () => {
    const users = await practise();
    expect(await loadExerciseStats(testDb(), catalogue, SLUG)).toMatchObject({ shown: true, figures: { learners: 7 } });
    const gone = users.slice(0, 7 - MIN_COHORT + 1);
    await testDb().user.deleteMany({ where: { id: { in: gone } } });
    expect(await testDb().exerciseTally.count({ where: { userId: { in: gone } } })).toBe(0);
    expect(await testDb().exerciseStepTally.count({ where: { userId: { in: gone } } })).toBe(0);
    expect(await loadExerciseStats(testDb(), catalogue, SLUG)).toMatchObject({ shown: false, figures: null });
  });
});
