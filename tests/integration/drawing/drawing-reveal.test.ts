// Drawings follow the exercises' reveal rule on real Postgres: a graded
// drawing shows its answer, so its first graded try finishes the variant; a
// later pass at that seed is stored and marked, rates Again, and ticks no
// checklist item, while a pass at a new seed counts.
import { randomUUID } from "node:crypto";
import { beforeEach, describe, expect, it } from "vitest";
import * as attemptsRoute from "@/app/api/drawings/[slug]/attempts/route";
import { catalogue } from "@/exercises/catalogue";
import type { ChecklistView } from "@/lib/checklists/checklist-view";
import { loadChecklist } from "@/lib/checklists/load-checklist";
import type { MaskSetup } from "@/lib/drawing/drawing-prompt";
import type { DrawingAnswer } from "@/lib/drawing/drawing-schemas";
import { maskFrom } from "@/lib/drawing/mask-grid";
import { recordDrawingAttempt, type DrawingAttemptResult } from "@/lib/drawing/record-drawing-attempt";
import { resetDb, testDb } from "../support/db";
import { bearerFor, createUser } from "../support/fixtures";
import { seedCourseModule } from "../support/readiness-fixtures";

const MASK = "causal-mask-grid";
const maskPrompt = catalogue.findDrawingPrompt(MASK);
if (!maskPrompt) throw new Error(MASK);
const maskSize = (seed: number) => (maskPrompt.variant(seed).setup as MaskSetup).n;
const causal = (seed: number): DrawingAnswer => ({ kind: "mask-grid", grid: maskFrom(maskSize(seed), (i, j) => j <= i) });
const noDiagonal = (seed: number): DrawingAnswer => ({ kind: "mask-grid", grid: maskFrom(maskSize(seed), (i, j) => j < i) });

const TYPES = { x: "input", out: "output", n1: "norm", n2: "norm", attn: "attention", ffn: "ffn", a1: "add", a2: "add" } as const;
const assembly = (wires: string): DrawingAnswer => ({
  kind: "assembly",
  nodes: Object.entries(TYPES).map(([id, type]) => ({ id, type })),
  edges: wires.split(" ").map((w) => ({ from: w.split(">")[0] ?? "", to: w.split(">")[1] ?? "" })),
});
const PRENORM = assembly("x>n1 n1>attn attn>a1 x>a1 a1>n2 n2>ffn ffn>a2 a1>a2 a2>out");
const SHORTCUT_FROM_NORM = assembly("x>n1 n1>attn attn>a1 n1>a1 a1>n2 n2>ffn ffn>a2 a1>a2 a2>out");

const post = async (auth: string, slug: string, body: unknown): Promise<{ status: number; result: DrawingAttemptResult }> => {
  const response = await attemptsRoute.POST(
    new Request(`http://localhost/api/drawings/${slug}/attempts`, {
      method: "POST",
      headers: { authorization: auth, "content-type": "application/json" },
      body: JSON.stringify(body),
    }),
    { params: Promise.resolve({ slug }) },
  );
  return { status: response.status, result: (await response.json()) as DrawingAttemptResult };
};

describe("the reveal rule for drawings", () => {
  beforeEach(resetDb);

  it("a wrong mask reveals the variant; passing it afterwards is stored, marked, uncredited and rated Again", async () => {
    const db = testDb();
    const user = await createUser(db);
    const auth = await bearerFor(db, user.id);
    const seed = 42;
    const first = await post(auth, MASK, { id: randomUUID(), seed, answer: noDiagonal(seed) });
    expect(first.status).toBe(200);
    expect(first.result).toMatchObject({
      correct: false,
      afterReveal: false,
      credited: false,
      rating: 1,
      variant: { revealed: true, revealedBecause: "SINGLE_TRY", tries: 1, triesLeft: 0 },
    });
    expect(first.result.variant.message).toContain("this variant is finished");

    const id = randomUUID();
    const copied = await post(auth, MASK, { id, seed, answer: causal(seed) });
    expect(copied.result).toMatchObject({ correct: true, score: 1, afterReveal: true, credited: false, rating: 1, stored: true, duplicate: false });
    // A retry of that post answers the same, from the stored row.
    expect((await post(auth, MASK, { id, seed, answer: causal(seed) })).result).toMatchObject({ stored: true, duplicate: true, afterReveal: true, rating: 1 });

    const rows = await db.exerciseAttempt.findMany({ where: { userId: user.id }, orderBy: { createdAt: "asc" } });
    expect(rows.map((r) => [r.correct, r.afterReveal])).toEqual([
      [false, false],
      [true, true],
    ]);
    const variant = await db.exerciseVariant.findUniqueOrThrow({ where: { userId_exerciseSlug_seed: { userId: user.id, exerciseSlug: MASK, seed } } });
    expect(variant).toMatchObject({ tries: 1, revealedBecause: "SINGLE_TRY" });

    // A new variant earns credit again.
    expect((await post(auth, MASK, { id: randomUUID(), seed: seed + 1, answer: causal(seed + 1) })).result).toMatchObject({
      correct: true,
      afterReveal: false,
      credited: true,
      rating: 3,
      variant: { revealedBecause: "PASSED" },
    });
  });

  it("a pass reveals too: drawing the same variant again is practice", async () => {
    const db = testDb();
    const user = await createUser(db);
    const auth = await bearerFor(db, user.id);
    expect((await post(auth, MASK, { id: randomUUID(), seed: 7, answer: causal(7) })).result).toMatchObject({ credited: true, rating: 3 });
    expect((await post(auth, MASK, { id: randomUUID(), seed: 7, answer: causal(7) })).result).toMatchObject({ afterReveal: true, credited: false, rating: 1 });
  });

  it("keeps each learner's variants apart", async () => {
    const db = testDb();
    const [a, b] = [await createUser(db, "a"), await createUser(db, "b")];
    await recordDrawingAttempt(db, catalogue, { userId: a.id, attemptId: randomUUID(), slug: MASK, seed: 5, answer: noDiagonal(5) }, new Date());
    const other = await recordDrawingAttempt(db, catalogue, { userId: b.id, attemptId: randomUUID(), slug: MASK, seed: 5, answer: causal(5) }, new Date());
    expect(other).toMatchObject({ afterReveal: false, credited: true });
  });

  it("passes made after the reveal tick no checklist item; unaided passes on as many days do", async () => {
    const db = testDb();
    const moduleId = await seedCourseModule(db);
    const user = await createUser(db);
    const days = ["2026-11-18T10:00:00Z", "2026-11-20T10:00:00Z"].map((iso) => new Date(iso));
    const attempt = (seed: number, answer: DrawingAnswer, now: Date) =>
      recordDrawingAttempt(db, catalogue, { userId: user.id, attemptId: randomUUID(), slug: "prenorm-block-assembly", seed, answer }, now);
    for (const [i, day] of days.entries()) {
      expect(await attempt(100 + i, SHORTCUT_FROM_NORM, day)).toMatchObject({ correct: false, afterReveal: false });
      expect(await attempt(100 + i, PRENORM, day)).toMatchObject({ correct: true, afterReveal: true, credited: false });
    }
    const item = (view: ChecklistView) => view.sections.flatMap((s) => s.items).find((i) => i.externalId === "hc-draw-prenorm");
    const now = new Date("2026-11-21T10:00:00Z");
    expect(item(await loadChecklist(db, user.id, moduleId, now))).toMatchObject({ checked: false, evidence: { days: [], complete: false } });

    for (const [i, day] of days.entries()) expect(await attempt(200 + i, PRENORM, day)).toMatchObject({ credited: true, rating: 3 });
    expect(item(await loadChecklist(db, user.id, moduleId, now))).toMatchObject({ checked: true, source: "EVIDENCE", evidence: { complete: true } });
  });
});
