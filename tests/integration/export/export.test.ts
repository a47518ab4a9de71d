// Exports of each kind in both formats: headers, a round trip of awkward
// text through CSV, paging with ties, and never another user's rows.
import { randomUUID } from "node:crypto";
import { beforeEach, describe, expect, it } from "vitest";
import * as exportRoute from "@/app/api/export/route";
import { parseCsv } from "@/lib/export/csv";
import { openExport } from "@/lib/export/export-stream";
import { EXPORT_KINDS, type ExportWhat } from "@/lib/export/export-schemas";
import { resetDb, testDb } from "../support/db";
import { bearerFor, createModuleWithCards, createUser, enroll } from "../support/fixtures";
import { insertReview, insertState } from "../support/stats-fixtures";

const AWKWARD = 'Why "pre-norm", not post-norm?\nSay why, in one line.';
const T = new Date("2026-03-02T09:00:00Z");

async function seedLearner(db: ReturnType<typeof testDb>, name: string) {
  const user = await createUser(db, name);
  const { moduleId, cardIds } = await createModuleWithCards(db, { cards: 3, scope: user.id, ownerId: user.id });
  await enroll(db, user.id, moduleId);
  const [first, second] = cardIds as [string, string, string];
  await db.card.update({ where: { id: first }, data: { front: AWKWARD, tags: ["norm", "block"] } });
  await insertState(db, user.id, first, { due: T });
  const reviewIds = [
    await insertReview(db, user.id, first, { reviewedAt: T, rating: 1 }),
    await insertReview(db, user.id, second, { reviewedAt: T, durationMs: null }),
  ];
  const attemptId = randomUUID();
  await db.exerciseAttempt.create({
    data: {
      id: attemptId,
      userId: user.id,
      exerciseSlug: "layernorm-by-hand",
      seed: 7,
      answers: { mean: "1, 2" },
      steps: [],
      score: 0.5,
      correct: false,
      misconceptions: ["sample-variance"],
      backend: "float64",
      gradingMs: 0.4,
    },
  });
  const labId = randomUUID();
  await db.labSubmission.create({ data: { id: labId, userId: user.id, labSlug: "layernorm", seed: 3, shape: [2], format: "json" } });
  const grillId = randomUUID();
  await db.grillSession.create({
    data: {
      id: grillId,
      userId: user.id,
      moduleId,
      secondsPerItem: 60,
      startedAt: T,
      items: {
        create: [
          { position: 0, cardId: first, topic: "Norms", answer: "before, the sublayer" },
          { position: 1, exerciseSlug: "layernorm-by-hand", seed: 4 },
        ],
      },
    },
  });
  const ids: Record<ExportWhat, string[]> = {
    cards: cardIds,
    reviews: reviewIds,
    revlog: [first, second],
    attempts: [attemptId],
    labs: [labId],
    grills: [grillId],
  };
  return { user, auth: await bearerFor(db, user.id), ids };
}

async function download(auth: string, what: string, format: string): Promise<Response> {
  return exportRoute.GET(new Request(`http://localhost/api/export?what=${what}&format=${format}`, { headers: { authorization: auth } }), undefined);
}

const ID_COLUMN: Record<ExportWhat, string> = { reviews: "id", revlog: "card_id", cards: "id", attempts: "id", labs: "id", grills: "grillId" };
const ROWS: Record<ExportWhat, number> = { reviews: 2, revlog: 2, cards: 3, attempts: 1, labs: 1, grills: 2 };

describe("GET /api/export", () => {
  beforeEach(resetDb);

  for (const what of Object.keys(EXPORT_KINDS) as ExportWhat[]) {
    it(`${what}: CSV and JSON hold the caller's rows only, with the kind's columns`, async () => {
      const db = testDb();
      const alice = await seedLearner(db, "alice");
      const bob = await seedLearner(db, "bob");
      const columns = EXPORT_KINDS[what].columns;

      const csv = await download(alice.auth, what, "csv");
      expect(csv.status).toBe(200);
      expect(csv.headers.get("content-type")).toBe("text/csv; charset=utf-8; header=present");
      expect(csv.headers.get("content-disposition")).toMatch(new RegExp(`^attachment; filename="residual-${what}-\\d{4}-\\d{2}-\\d{2}\\.csv"$`));
      const [header, ...records] = parseCsv(await csv.text());
      expect(header).toEqual([...columns]);
      expect(records).toHaveLength(ROWS[what]);
      for (const record of records) expect(record).toHaveLength(columns.length);
      const idAt = columns.indexOf(ID_COLUMN[what]);
      const csvIds = new Set(records.map((r) => r[idAt]));
      expect([...csvIds].every((id) => alice.ids[what].includes(id as string))).toBe(true);
      expect(bob.ids[what].some((id) => csvIds.has(id))).toBe(false);

      const json = await download(alice.auth, what, "json");
      expect(json.headers.get("content-type")).toBe("application/json; charset=utf-8");
      const rows = (await json.json()) as Record<string, unknown>[];
      expect(rows).toHaveLength(ROWS[what]);
      for (const row of rows) expect(Object.keys(row)).toEqual([...columns]);
      expect(rows.some((row) => bob.ids[what].includes(row[ID_COLUMN[what]] as string))).toBe(false);
    });
  }

  it("round-trips a field with a comma, quotes and a newline, and nested values as JSON", async () => {
    const db = testDb();
    const alice = await seedLearner(db, "alice");
    const [header, ...records] = parseCsv(await (await download(alice.auth, "cards", "csv")).text());
    const column = (name: string) => (header ?? []).indexOf(name);
    const first = records.find((r) => r[column("id")] === alice.ids.cards[0]) ?? [];
    expect(first[column("front")]).toBe(AWKWARD);
    expect(JSON.parse(first[column("tags")] ?? "null")).toEqual(["norm", "block"]);
    expect(first[column("state")]).toBe("REVIEW");
    expect(first[column("due")]).toBe(T.toISOString());
    const unseen = records.find((r) => r[column("id")] === alice.ids.cards[2]) ?? [];
    expect([unseen[column("state")], unseen[column("due")]]).toEqual(["NEW", ""]);

    const attempts = parseCsv(await (await download(alice.auth, "attempts", "csv")).text());
    expect(JSON.parse(attempts[1]?.[attempts[0]?.indexOf("answers") ?? -1] ?? "null")).toEqual({ mean: "1, 2" });
  });

  it("exports text that starts like a formula as text in CSV, and as it was typed in JSON", async () => {
    const db = testDb();
    const alice = await seedLearner(db, "alice");
    const formula = '=HYPERLINK("http://evil.example","click")';
    await db.grillItem.updateMany({ where: { grillId: alice.ids.grills[0], position: 0 }, data: { answer: formula } });
    const [header, ...records] = parseCsv(await (await download(alice.auth, "grills", "csv")).text());
    const answers = records.map((r) => r[(header ?? []).indexOf("answer")]);
    expect(answers).toContain(`'${formula}`);
    const rows = (await (await download(alice.auth, "grills", "json")).json()) as { answer: string | null }[];
    expect(rows.map((r) => r.answer)).toContain(formula);
  });

  it("carries every field FSRS needs to re-optimise in the review log", async () => {
    const db = testDb();
    const alice = await seedLearner(db, "alice");
    const rows = (await (await download(alice.auth, "reviews", "json")).json()) as Record<string, unknown>[];
    expect(rows[0]).toMatchObject({ rating: expect.any(Number), state: "REVIEW", elapsedDays: 6, scheduledDays: 7, reviewedAt: T.toISOString() });
    expect(rows.map((r) => r.cardId).sort()).toEqual(alice.ids.cards.slice(0, 2).sort());
    expect(rows.map((r) => r.durationMs).sort()).toEqual([5200, null]);
  });

  it("pages through the log with a keyset cursor: every row once, ties on the time broken by id", async () => {
    const db = testDb();
    const alice = await seedLearner(db, "alice");
    const card = alice.ids.cards[0] as string;
    for (let i = 0; i < 7; i++) await insertReview(db, alice.user.id, card, { reviewedAt: new Date(T.getTime() + Math.floor(i / 3) * 1000) });
    const file = await openExport(db, alice.user.id, { what: "reviews", format: "json" }, T, 2);
    const rows = (await new Response(file.body).json()) as { id: string; reviewedAt: string }[];
    expect(rows).toHaveLength(9);
    expect(new Set(rows.map((r) => r.id)).size).toBe(9);
    const keys = rows.map((r) => `${r.reviewedAt}|${r.id}`);
    expect(keys).toEqual([...keys].sort());

    const cards = await openExport(db, alice.user.id, { what: "cards", format: "json" }, T, 2);
    expect(((await new Response(cards.body).json()) as { id: string }[]).map((c) => c.id)).toEqual(alice.ids.cards);
  });

  it("exports an empty history as an empty array and a header line", async () => {
    const db = testDb();
    const user = await createUser(db, "new");
    const auth = await bearerFor(db, user.id);
    expect(await (await download(auth, "reviews", "json")).json()).toEqual([]);
    expect(await (await download(auth, "attempts", "csv")).text()).toBe(`${EXPORT_KINDS.attempts.columns.join(",")}\r\n`);
  });

  it("rejects an unknown kind or format with 422 and names the field", async () => {
    const db = testDb();
    const user = await createUser(db, "bad");
    const auth = await bearerFor(db, user.id);
    for (const [what, format, field] of [
      ["passwords", "csv", "what"],
      ["reviews", "xlsx", "format"],
    ] as const) {
      const response = await download(auth, what, format);
      expect(response.status).toBe(422);
      expect(JSON.stringify(await response.json())).toContain(field);
    }
  });
});
