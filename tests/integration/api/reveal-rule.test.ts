// The reveal rule on real Postgres: tries that hide the answers, a reveal on
// request or when the tries are used up, a finished variant whose passes are
// stored and marked but tick no checklist item, blank steps scored 0, racing
// tries counted one at a time, and the history built from all of it.
import { randomUUID } from "node:crypto";
import { beforeEach, describe, expect, it } from "vitest";
import * as historyRoute from "@/app/api/exercises/[slug]/history/route";
import * as revealRoute from "@/app/api/exercises/[slug]/reveal/route";
import * as gradeRoute from "@/app/api/grade/route";
import { findExercise } from "@/exercises";
import { catalogue } from "@/exercises/catalogue";
import { gradeAttempt, type GradeAttemptResult } from "@/lib/attempts/grade-attempt";
import type { ExerciseHistory } from "@/lib/attempts/exercise-history";
import type { VariantProgress } from "@/lib/attempts/reveal-variant";
import type { ChecklistView } from "@/lib/checklists/checklist-view";
import { loadChecklist } from "@/lib/checklists/load-checklist";
import { formatStepValue, type Exercise } from "@/lib/grading";
import type { ExpectedValue } from "@/lib/answers";
import { ATTEMPT_EXPORT } from "@/lib/export/attempt-export";
import * as float64 from "@/lib/reference/float64";
import { resetDb, testDb } from "../support/db";
import { bearerFor, createUser } from "../support/fixtures";
import { seedCourseModule } from "../support/readiness-fixtures";

const SLUG = "layernorm-by-hand";
const SEED = 42;
const MASK = "causal-mask-row";

function exercise(slug: string): Exercise {
  const found = findExercise(slug);
  if (!found) throw new Error(slug);
  return found;
}

function mapValue(v: ExpectedValue, f: (x: number) => number): ExpectedValue {
  if (typeof v === "number") return f(v);
  if (v.every((r): r is number => typeof r === "number")) return v.map(f);
  return v.map((r) => (typeof r === "number" ? [f(r)] : r.map(f)));
}

/** Typed answers for every step: the reference values, or `f` of them (a wrong answer when f moves every value). */
function answersFor(slug: string, seed: number, f: (x: number) => number = (x) => x): Record<string, string> {
  const values = exercise(slug).solve(seed, float64);
  return Object.fromEntries(exercise(slug).steps.map((s) => [s.key, formatStepValue(mapValue(values[s.key] ?? 0, f), 12)]));
}
const wrong = (slug: string, seed: number) => answersFor(slug, seed, (x) => 3 * x + 7);

const post = (auth: string, path: string, body: unknown) =>
  new Request(`http://localhost${path}`, { method: "POST", headers: { authorization: auth, "content-type": "application/json" }, body: JSON.stringify(body) });
const params = (slug: string) => ({ params: Promise.resolve({ slug }) });

async function learner() {
  const db = testDb();
  const user = await createUser(db);
  return { db, user, auth: await bearerFor(db, user.id) };
}

async function grade(auth: string, answers: Record<string, string>, seed = SEED, id = randomUUID()): Promise<{ status: number; body: GradeAttemptResult }> {
  const response = await gradeRoute.POST(post(auth, "/api/grade", { exercise: SLUG, seed, answers, id }), undefined);
  return { status: response.status, body: (await response.json()) as GradeAttemptResult };
}

describe("the reveal rule", () => {
  beforeEach(resetDb);

  it("hides the expected values for two wrong tries, shows them on the third, and marks a pass typed after that", async () => {
    const { db, user, auth } = await learner();
    for (const left of [2, 1]) {
      const { status, body } = await grade(auth, wrong(SLUG, SEED));
      expect(status).toBe(200);
      expect(body).toMatchObject({ stored: true, correct: false, afterReveal: false, credited: false, variant: { revealed: false, triesLeft: left } });
      expect(body.variant.message).toMatch(/expected values stay hidden/);
      for (const step of body.steps) {
        expect(step).not.toHaveProperty("expected");
        expect(step).not.toHaveProperty("off");
      }
      // No reference value appears anywhere in the reply, to 5 significant figures.
      const digits = Object.values(exercise(SLUG).solve(SEED, float64)).flatMap((v) => String(v ?? "").split(","));
      const telling = digits.map((d) => Number(d).toPrecision(5)).filter((d) => !/^-?\d+\.?0*$/.test(d));
      expect(telling.length).toBeGreaterThan(0);
      expect(telling.filter((d) => JSON.stringify(body).includes(d))).toEqual([]);
    }

    const third = await grade(auth, wrong(SLUG, SEED));
    expect(third.body.variant).toMatchObject({ revealed: true, revealedBecause: "TRIES_USED", triesLeft: 0 });
    expect(third.body.steps.every((s) => s.expected !== undefined)).toBe(true);
    expect(third.body.steps.find((s) => s.step === "mean")?.feedback).toMatch(/within 1%.* Off by [+-]?\d/);

    const copied = await grade(auth, answersFor(SLUG, SEED));
    expect(copied.body).toMatchObject({ stored: true, correct: true, afterReveal: true, credited: false });
    expect(copied.body.variant.message).toMatch(/finished/);
    const rows = await db.exerciseAttempt.findMany({ where: { userId: user.id }, orderBy: { createdAt: "asc" } });
    expect(rows.map((r) => [r.correct, r.afterReveal])).toEqual([
      [false, false],
      [false, false],
      [false, false],
      [true, true],
    ]);
    expect(await db.exerciseVariant.findMany({ where: { userId: user.id } })).toMatchObject([{ seed: SEED, tries: 3, revealedBecause: "TRIES_USED" }]);
  });

  it("reveals on request, once; a pass after it is stored and marked, and a new variant earns credit", async () => {
    const { auth } = await learner();
    await grade(auth, wrong(SLUG, SEED));
    const response = await revealRoute.POST(post(auth, `/api/exercises/${SLUG}/reveal`, { seed: SEED }), params(SLUG));
    expect(response.status).toBe(200);
    const shown = (await response.json()) as VariantProgress;
    expect(shown.variant).toMatchObject({ revealed: true, revealedBecause: "REQUESTED", tries: 1 });
    expect(shown.expected?.map((s) => s.step)).toEqual(exercise(SLUG).steps.map((s) => s.key));
    const again = (await (await revealRoute.POST(post(auth, `/api/exercises/${SLUG}/reveal`, { seed: SEED }), params(SLUG))).json()) as VariantProgress;
    expect(again).toEqual(shown);

    expect((await grade(auth, answersFor(SLUG, SEED))).body).toMatchObject({ correct: true, afterReveal: true, credited: false });
    expect((await grade(auth, answersFor(SLUG, SEED + 1), SEED + 1)).body).toMatchObject({
      correct: true,
      afterReveal: false,
      credited: true,
      variant: { revealedBecause: "PASSED" },
    });
  });

  it("a retried post returns the stored attempt as its variant now stands, and uses no second try", async () => {
    const { db, user, auth } = await learner();
    const id = randomUUID();
    const first = await grade(auth, wrong(SLUG, SEED), SEED, id);
    expect(first.body.steps[0]).not.toHaveProperty("expected");
    await revealRoute.POST(post(auth, `/api/exercises/${SLUG}/reveal`, { seed: SEED }), params(SLUG));
    const retry = await grade(auth, wrong(SLUG, SEED), SEED, id);
    expect(retry.body).toMatchObject({ duplicate: true, stored: true, afterReveal: false, variant: { revealed: true, tries: 1 } });
    expect(retry.body.steps[0]).toHaveProperty("expected");
    expect(await db.exerciseAttempt.count({ where: { userId: user.id } })).toBe(1);
  });

  it("exports a hidden variant's steps without expected values, and a revealed one's with them", async () => {
    const { db, user, auth } = await learner();
    await grade(auth, wrong(SLUG, SEED));
    /** The one exported attempt's row and its steps. */
    const exported = async () => {
      const rows: { afterReveal?: unknown; steps?: unknown }[] = [];
      for await (const page of ATTEMPT_EXPORT.pages(db, user.id, 100)) rows.push(...(page as { steps?: unknown }[]));
      expect(rows).toHaveLength(1);
      const steps = rows[0]?.steps;
      return { row: rows[0], steps: Array.isArray(steps) ? (steps as object[]) : [] };
    };
    const hidden = await exported();
    expect(hidden.row).toMatchObject({ afterReveal: false });
    expect(hidden.steps).toHaveLength(exercise(SLUG).steps.length);
    for (const step of hidden.steps) expect(step).not.toHaveProperty("expected");
    await revealRoute.POST(post(auth, `/api/exercises/${SLUG}/reveal`, { seed: SEED }), params(SLUG));
    const shown = await exported();
    expect(shown.steps).toHaveLength(exercise(SLUG).steps.length);
    for (const step of shown.steps) expect(step).toHaveProperty("expected");
  });

  it("counts racing tries at one variant one at a time", async () => {
    const { db, user, auth } = await learner();
    const results = await Promise.all([0, 1, 2, 3].map(() => grade(auth, wrong(SLUG, SEED))));
    expect(results.map((r) => r.status)).toEqual([200, 200, 200, 200]);
    expect(results.filter((r) => r.body.afterReveal)).toHaveLength(1);
    expect(await db.exerciseVariant.findFirst({ where: { userId: user.id } })).toMatchObject({ tries: 3, revealedBecause: "TRIES_USED" });
  });

  it("scores steps left blank 0 and says so, instead of refusing the attempt", async () => {
    const { auth } = await learner();
    const { mean } = answersFor(SLUG, SEED);
    const { status, body } = await grade(auth, { mean: mean ?? "" });
    expect(status).toBe(200);
    expect(body).toMatchObject({ stored: true, correct: false });
    expect(body.steps.find((s) => s.step === "mean")).toMatchObject({ correct: true, score: 1 });
    for (const step of body.steps.filter((s) => s.step !== "mean")) expect(step).toMatchObject({ score: 0, feedback: "No answer: this step scores 0." });
    expect(body.score).toBe(Math.round(body.score * 10_000) / 10_000);
  });

  it("passes made after a reveal are stored and marked, and tick no checklist item", async () => {
    const db = testDb();
    const moduleId = await seedCourseModule(db);
    const user = await createUser(db);
    const days = ["2026-11-18T10:00:00Z", "2026-11-19T10:00:00Z", "2026-11-20T10:00:00Z"].map((iso) => new Date(iso));
    const attempt = (seed: number, answers: Record<string, string>, now: Date) =>
      gradeAttempt(db, catalogue, { userId: user.id, attemptId: randomUUID(), slug: MASK, seed, answers }, now);
    for (const [i, day] of days.entries()) {
      const seed = 100 + i;
      for (let t = 0; t < 3; t++) await attempt(seed, wrong(MASK, seed), day);
      expect(await attempt(seed, answersFor(MASK, seed), day)).toMatchObject({ stored: true, correct: true, afterReveal: true, credited: false });
    }
    const item = (view: ChecklistView) => view.sections.flatMap((s) => s.items).find((i) => i.externalId === "hc-causal-mask");
    const now = new Date("2026-11-21T10:00:00Z");
    expect(item(await loadChecklist(db, user.id, moduleId, now))).toMatchObject({ checked: false, evidence: { days: [], complete: false } });
    expect(await db.exerciseAttempt.count({ where: { userId: user.id, correct: true, afterReveal: true } })).toBe(3);

    // The same three days with unaided passes tick it.
    for (const [i, day] of days.entries()) expect(await attempt(200 + i, answersFor(MASK, 200 + i), day)).toMatchObject({ credited: true });
    expect(item(await loadChecklist(db, user.id, moduleId, now))).toMatchObject({ checked: true, source: "EVIDENCE", evidence: { complete: true } });
  });

  it("history lists each variant with its tries, reveal and named mistakes, and accuracy per step before reveals", async () => {
    const { auth } = await learner();
    const wrongMethod = exercise(SLUG)
      .wrongMethods(SEED, float64)
      .find((m) => m.code === "sample-variance");
    const answers = { ...answersFor(SLUG, SEED) };
    for (const [step, value] of Object.entries(wrongMethod?.values ?? {})) answers[step] = formatStepValue(value ?? 0, 12);
    await grade(auth, answers);
    await grade(auth, answersFor(SLUG, SEED));
    await grade(auth, answersFor(SLUG, SEED));
    const response = await historyRoute.GET(new Request(`http://localhost/api/exercises/${SLUG}/history`, { headers: { authorization: auth } }), params(SLUG));
    expect(response.status).toBe(200);
    const history = (await response.json()) as ExerciseHistory;
    expect(history.totals).toEqual({ attempts: 3, credited: 1 });
    expect(history.variants).toHaveLength(1);
    const [variant] = history.variants;
    expect(variant?.variant).toMatchObject({ revealed: true, revealedBecause: "PASSED", tries: 2 });
    expect(variant?.attempts.map((a) => [a.correct, a.afterReveal, a.credited])).toEqual([
      [false, false, false],
      [true, false, true],
      [true, true, false],
    ]);
    expect(variant?.attempts[0]?.mistakes.map((m) => m.code)).toContain("sample-variance");
    expect(variant?.attempts[0]?.mistakes[0]?.name).not.toMatch(/sample-variance/);
    // Each attempt says which steps it got right, in the exercise's order.
    expect(variant?.attempts[0]?.steps.map((m) => m.step)).toEqual(exercise(SLUG).steps.map((s) => s.key));
    expect(variant?.attempts[0]?.steps.find((m) => m.step === "mean")).toEqual({ step: "mean", correct: true });
    expect(variant?.attempts[0]?.steps.find((m) => m.step === "variance")).toEqual({ step: "variance", correct: false });
    expect(variant?.attempts[1]?.steps.every((m) => m.correct)).toBe(true);
    const mean = history.steps.find((s) => s.step === "mean");
    expect(mean).toMatchObject({ tried: 2, right: 2, accuracy: 1 });
    const variance = history.steps.find((s) => s.step === "variance");
    expect(variance).toMatchObject({ tried: 2, right: 1, accuracy: 0.5 });
  });
});
