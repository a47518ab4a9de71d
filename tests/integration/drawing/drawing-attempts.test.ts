// POST /api/drawings/{slug}/attempts on real Postgres: graded and stored once
// per id, bad input stores nothing, and the attempt readers take drawing rows.
import { randomUUID } from "node:crypto";
import { beforeEach, describe, expect, it } from "vitest";
import * as attemptsRoute from "@/app/api/drawings/[slug]/attempts/route";
import { findDrawingPrompt } from "@/exercises/drawings";
import { countMisconceptions, listRecentAttempts } from "@/lib/attempts/attempt-history";
import type { MaskSetup } from "@/lib/drawing/drawing-prompt";
import { maskFrom } from "@/lib/drawing/mask-grid";
import { resetDb, testDb } from "../support/db";
import { bearerFor, createUser } from "../support/fixtures";

const SEED = 42;
const causalMask = findDrawingPrompt("causal-mask-grid");
if (!causalMask) throw new Error("the catalogue has no causal-mask-grid prompt");
const N = (causalMask.variant(SEED).setup as MaskSetup).n;
const causal = maskFrom(N, (i, j) => j <= i);
const PRE = "x>n1 n1>attn attn>a1 x>a1 a1>n2 n2>ffn ffn>a2 a1>a2 a2>out";
const TYPES = { x: "input", out: "output", n1: "norm", n2: "norm", attn: "attention", ffn: "ffn", a1: "add", a2: "add" } as const;
const graph = (wires: string) => ({
  kind: "assembly",
  nodes: Object.entries(TYPES).map(([id, type]) => ({ id, type })),
  edges: wires.split(" ").map((w) => ({ from: w.split(">")[0], to: w.split(">")[1] })),
});

const post = (auth: string, slug: string, body: unknown) =>
  attemptsRoute.POST(
    new Request(`http://localhost/api/drawings/${slug}/attempts`, {
      method: "POST",
      headers: { authorization: auth, "content-type": "application/json" },
      body: typeof body === "string" ? body : JSON.stringify(body),
    }),
    { params: Promise.resolve({ slug }) },
  );

async function learner() {
  const db = testDb();
  const user = await createUser(db);
  return { db, user, auth: await bearerFor(db, user.id) };
}

describe("drawing attempts API", () => {
  beforeEach(resetDb);

  it("grades a right mask, stores it once per id, and answers a retry with the first result", async () => {
    const { db, user, auth } = await learner();
    const id = randomUUID();
    const body = { id, seed: SEED, answer: { kind: "mask-grid", grid: causal }, durationMs: 8000 };
    const first = await post(auth, "causal-mask-grid", body);
    expect(first.status).toBe(200);
    expect(await first.json()).toMatchObject({ correct: true, score: 1, rating: 3, stored: true, duplicate: false, backend: "drawing" });
    const again = await post(auth, "causal-mask-grid", body);
    expect(again.status).toBe(200);
    expect(await again.json()).toMatchObject({ correct: true, stored: true, duplicate: true });
    const rows = await db.exerciseAttempt.findMany({ where: { userId: user.id } });
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({
      id,
      exerciseSlug: "causal-mask-grid",
      seed: SEED,
      correct: true,
      score: 1,
      backend: "drawing",
      durationMs: 8000,
      answers: body.answer,
    });
    expect(rows[0]?.steps).toHaveLength(N * N);
  });

  it("stores one row when copies of one post race, and answers each copy with the same grade", async () => {
    const { db, user, auth } = await learner();
    const body = { id: randomUUID(), seed: SEED, answer: { kind: "mask-grid", grid: causal }, durationMs: 8000 };
    const responses = await Promise.all([1, 2, 3, 4].map(() => post(auth, "causal-mask-grid", body)));
    expect(responses.map((r) => r.status)).toEqual([200, 200, 200, 200]);
    const replies = (await Promise.all(responses.map((r) => r.json()))) as { duplicate: boolean }[];
    for (const reply of replies) expect(reply).toMatchObject({ attemptId: body.id, correct: true, score: 1, rating: 3, stored: true });
    expect(replies.filter((r) => !r.duplicate)).toHaveLength(1);
    expect(await db.exerciseAttempt.count({ where: { userId: user.id } })).toBe(1);
  });

  it("stores a named wrong mask with its code and marks each wrong cell", async () => {
    const { db, user, auth } = await learner();
    const upper = maskFrom(N, (i, j) => j >= i);
    const res = await post(auth, "causal-mask-grid", { id: randomUUID(), seed: SEED, answer: { kind: "mask-grid", grid: upper } });
    const result = (await res.json()) as { correct: boolean; rating: number; misconceptions: { code: string }[]; items: { problem?: string }[] };
    expect(result).toMatchObject({ correct: false, rating: 1, misconceptions: [{ code: "transposed-mask" }] });
    expect(result.items.filter((i) => i.problem === "missing")).toHaveLength((N * (N - 1)) / 2);
    expect(result.items.filter((i) => i.problem === "extra")).toHaveLength((N * (N - 1)) / 2);
    expect((await db.exerciseAttempt.findFirstOrThrow({ where: { userId: user.id } })).misconceptions).toEqual(["transposed-mask"]);
  });

  it("stores a pre-norm assembly and a self-checked sketch", async () => {
    const { db, user, auth } = await learner();
    const block = await post(auth, "prenorm-block-assembly", { id: randomUUID(), seed: 1, answer: graph(PRE) });
    expect(await block.json()).toMatchObject({ correct: true, rating: 3 });
    const sketch = await post(auth, "kv-cache-decode-sketch", {
      id: randomUUID(),
      seed: 1,
      answer: {
        kind: "sketch",
        strokes: [
          [
            [100, 100],
            [400, 500],
          ],
        ],
        ticked: ["append", "new-token-only", "query-reads-all"],
      },
    });
    expect(sketch.status).toBe(200);
    expect(await sketch.json()).toMatchObject({ correct: false, score: 0.5, rating: 2, backend: "self-check" });
    const rows = await db.exerciseAttempt.findMany({ where: { userId: user.id }, orderBy: { createdAt: "asc" } });
    expect(rows.map((r) => [r.exerciseSlug, r.correct, r.backend])).toEqual([
      ["prenorm-block-assembly", true, "drawing"],
      ["kv-cache-decode-sketch", false, "self-check"],
    ]);
  });

  it.each([
    { name: "unknown prompt", slug: "no-such-drawing", body: { answer: { kind: "mask-grid", grid: causal } }, status: 404 },
    { name: "grid of the wrong size", slug: "causal-mask-grid", body: { answer: { kind: "mask-grid", grid: causal.slice(1) } }, status: 422 },
    { name: "answer of another kind", slug: "causal-mask-grid", body: { answer: graph(PRE) }, status: 422 },
    { name: "graph wired to a missing part", slug: "prenorm-block-assembly", body: { answer: graph(`${PRE} zz>out`) }, status: 422 },
    { name: "unknown rubric key", slug: "kv-cache-decode-sketch", body: { answer: { kind: "sketch", strokes: [[[1, 1]]], ticked: ["nope"] } }, status: 422 },
    { name: "no strokes", slug: "kv-cache-decode-sketch", body: { answer: { kind: "sketch", strokes: [], ticked: [] } }, status: 422 },
    { name: "not a uuid", slug: "causal-mask-grid", body: { id: "retry-1", answer: { kind: "mask-grid", grid: causal } }, status: 422 },
    { name: "unknown field", slug: "causal-mask-grid", body: { answer: { kind: "mask-grid", grid: causal }, score: 1 }, status: 422 },
    {
      name: "too large",
      slug: "kv-cache-decode-sketch",
      body: { answer: { kind: "sketch", strokes: [[[1, 1]]], ticked: [] }, pad: "x".repeat(100_000) },
      status: 413,
    },
  ])("stores nothing for $name ($status)", async ({ slug, body, status }) => {
    const { db, auth } = await learner();
    const res = await post(auth, slug, { id: randomUUID(), seed: SEED, ...body });
    expect(res.status).toBe(status);
    expect(await db.exerciseAttempt.count()).toBe(0);
  });

  it("refuses an id another learner used, and keeps both learners' rows apart", async () => {
    const a = await learner();
    const b = await learner();
    const id = randomUUID();
    expect((await post(a.auth, "causal-mask-grid", { id, seed: SEED, answer: { kind: "mask-grid", grid: causal } })).status).toBe(200);
    expect((await post(b.auth, "causal-mask-grid", { id, seed: SEED, answer: { kind: "mask-grid", grid: causal } })).status).toBe(409);
    expect(await a.db.exerciseAttempt.count()).toBe(1);
  });

  it("lets the attempt readers list drawing attempts and count their mistakes", async () => {
    const { db, user, auth } = await learner();
    const noDiagonal = maskFrom(N, (i, j) => j < i);
    for (const grid of [noDiagonal, noDiagonal, causal])
      await post(auth, "causal-mask-grid", { id: randomUUID(), seed: SEED, answer: { kind: "mask-grid", grid } });
    const recent = await listRecentAttempts(db, user.id, "causal-mask-grid");
    expect(recent.map((r) => r.correct).sort()).toEqual([false, false, true]);
    expect(await countMisconceptions(db, user.id)).toMatchObject([{ exerciseSlug: "causal-mask-grid", code: "diagonal-left-out", count: 2 }]);
  });
});
