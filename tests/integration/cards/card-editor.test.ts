import { randomUUID } from "node:crypto";
import { beforeEach, describe, expect, it } from "vitest";
import type { CardDraft } from "@/lib/cards/card-draft";
import { CardDraftSchema } from "@/lib/cards/card-draft";
import { createNote, editNote, loadNote } from "@/lib/cards/card-editor";
import { importModule } from "@/lib/content/import-module";
import { parseModuleSource } from "@/lib/content/parse-module";
import type { PrismaClient } from "@/lib/db/generated/client";
import { createModule } from "@/lib/modules/manage-modules";
import { getTodayQueue } from "@/lib/queue/today-queue";
import { recordReview } from "@/lib/reviews/record-review";
import { undoReview } from "@/lib/reviews/undo-review";
import { rejectsWithAppError } from "../support/app-error";
import { resetDb, testDb } from "../support/db";
import { createModuleWithCards, createUser, enroll } from "../support/fixtures";
import { catalogue } from "@/exercises/catalogue";

const T0 = new Date("2026-03-02T09:00:00Z");
const hours = (n: number) => new Date(T0.getTime() + n * 3_600_000);
const draft = (value: unknown): CardDraft => CardDraftSchema.parse(value);

async function setUp(db: PrismaClient) {
  const me = await createUser(db);
  const module = await createModule(db, me.id, { slug: "my-notes", title: "My notes", description: "" }, T0);
  return { me, module };
}

async function liveCards(db: PrismaClient, moduleId: string) {
  return db.card.findMany({ where: { moduleId, archivedAt: null }, orderBy: { position: "asc" } });
}

describe("writing notes in the editor", () => {
  beforeEach(resetDb);

  const kinds: Array<{ name: string; draft: unknown; cards: Array<{ kind: string; role: string; front: string; back: string }> }> = [
    {
      name: "basic",
      draft: { kind: "basic", front: "What does RMSNorm skip?", back: "The mean.", topic: "Norms", tags: ["norms"] },
      cards: [{ kind: "BASIC", role: "RECALL", front: "What does RMSNorm skip?", back: "The mean." }],
    },
    {
      name: "reversed: one card per direction",
      draft: { kind: "reversed", front: "GQA", back: "Grouped-query attention" },
      cards: [
        { kind: "REVERSED", role: "RECALL", front: "GQA", back: "Grouped-query attention" },
        { kind: "REVERSED", role: "RECALL", front: "Grouped-query attention", back: "GQA" },
      ],
    },
    {
      name: "cloze: one card per number, math kept plain",
      draft: { kind: "cloze", text: "Attention scales by {{c1::$1/\\sqrt{d_k}$}} before the {{c2::softmax}}." },
      cards: [
        {
          kind: "CLOZE",
          role: "RECALL",
          front: "Attention scales by [\u2026] before the softmax.",
          back: "Attention scales by **$1/\\sqrt{d_k}$** before the softmax.",
        },
        {
          kind: "CLOZE",
          role: "RECALL",
          front: "Attention scales by $1/\\sqrt{d_k}$ before the [\u2026].",
          back: "Attention scales by $1/\\sqrt{d_k}$ before the **softmax**.",
        },
      ],
    },
    {
      name: "interview question",
      draft: {
        kind: "interview",
        front: "Why pre-norm?",
        back: "The residual path stays an identity.",
        commonWrongAnswer: "Style.",
        keyPoints: ["identity path", "", "final norm"],
      },
      cards: [{ kind: "BASIC", role: "INTERVIEW", front: "Why pre-norm?", back: "The residual path stays an identity." }],
    },
  ];

  for (const k of kinds) {
    it(`creates a ${k.name} note in the learner's own module, its first card in today's queue`, async () => {
      const db = testDb();
      const { me, module } = await setUp(db);
      const id = randomUUID();
      const { note, created } = await createNote(db, me.id, { id, module: "my-notes", draft: draft(k.draft) }, T0);
      expect(created).toBe(true);
      expect(note.cardId).toBe(id);
      const rows = await liveCards(db, module.id);
      expect(rows.map((r) => ({ kind: r.kind, role: r.role, front: r.front, back: r.back }))).toEqual(k.cards);
      expect(rows[0]?.id).toBe(id);
      expect(new Set(rows.map((r) => r.siblingKey)).size).toBe(1);
      expect(rows.every((r) => r.origin === "EDITOR")).toBe(true);
      const queue = await getTodayQueue(db, catalogue, me.id, hours(1));
      // Siblings are buried: a new note shows one of its cards a day.
      expect(queue.cards.map((c) => c.cardId)).toEqual([id]);
      expect((await loadNote(db, me.id, id)).draft).toEqual(draft(k.draft));
    });
  }

  it("keeps an interview note's wrong answer and key points, dropping empty points", async () => {
    const db = testDb();
    const { me, module } = await setUp(db);
    await createNote(db, me.id, { id: randomUUID(), module: "my-notes", draft: draft(kinds[3]?.draft) }, T0);
    const [card] = await liveCards(db, module.id);
    expect(card).toMatchObject({ commonWrongAnswer: "Style.", keyPoints: ["identity path", "final norm"] });
  });

  it("is idempotent on the client's id: a retry returns the note and writes nothing", async () => {
    const db = testDb();
    const { me, module } = await setUp(db);
    const body = { id: randomUUID(), module: "my-notes", draft: draft({ kind: "reversed", front: "MQA", back: "Multi-query attention" }) };
    const [a, b] = await Promise.all([createNote(db, me.id, body, T0), createNote(db, me.id, body, T0)]);
    expect([a.created, b.created].sort()).toEqual([false, true]);
    const again = await createNote(db, me.id, body, hours(1));
    expect(again.created).toBe(false);
    expect(again.note.cards.map((c) => c.id)).toEqual(a.note.cards.map((c) => c.id));
    expect(await db.card.count({ where: { moduleId: module.id } })).toBe(2);
  });

  it("refuses the built-in course (403) and another learner's module or card (404)", async () => {
    const db = testDb();
    const { me } = await setUp(db);
    const other = await createUser(db, "other");
    const course = await createModuleWithCards(db, { cards: 1, slug: "course" });
    await enroll(db, me.id, course.moduleId);
    await createModule(db, other.id, { slug: "theirs", title: "Theirs", description: "" }, T0);
    const theirs = await createNote(db, other.id, { id: randomUUID(), module: "theirs", draft: draft({ kind: "basic", front: "Q", back: "A" }) }, T0);
    const basic = draft({ kind: "basic", front: "Q", back: "A" });

    expect((await rejectsWithAppError(createNote(db, me.id, { id: randomUUID(), module: "course", draft: basic }, T0))).code).toBe("FORBIDDEN");
    expect((await rejectsWithAppError(createNote(db, me.id, { id: randomUUID(), module: "theirs", draft: basic }, T0))).code).toBe("NOT_FOUND");
    expect((await rejectsWithAppError(editNote(db, me.id, course.cardIds[0] ?? "", basic, T0))).code).toBe("FORBIDDEN");
    expect((await rejectsWithAppError(editNote(db, me.id, theirs.note.cardId, basic, T0))).code).toBe("NOT_FOUND");
    expect((await rejectsWithAppError(loadNote(db, me.id, theirs.note.cardId))).code).toBe("NOT_FOUND");
    expect((await rejectsWithAppError(createNote(db, me.id, { id: theirs.note.cardId, module: "my-notes", draft: basic }, T0))).code).toBe("CONFLICT");
    expect(await db.card.findUniqueOrThrow({ where: { id: theirs.note.cardId } })).toMatchObject({ front: "Q", back: "A" });
  });
});

describe("editing notes", () => {
  beforeEach(resetDb);

  it("keeps the card's schedule and changes its content hash, so the queue shows the new text", async () => {
    const db = testDb();
    const { me } = await setUp(db);
    const id = randomUUID();
    const first = await createNote(db, me.id, { id, module: "my-notes", draft: draft({ kind: "basic", front: "Old question", back: "Old" }) }, T0);
    await recordReview(db, { userId: me.id, reviewId: randomUUID(), cardId: id, rating: 3 }, hours(1));
    const stateBefore = await db.cardState.findFirstOrThrow({ where: { cardId: id } });
    const hashBefore = (await db.card.findUniqueOrThrow({ where: { id } })).contentHash;

    const edited = await editNote(db, me.id, id, draft({ kind: "basic", front: "New question with $x^2$", back: "New" }), hours(2));

    expect(await db.cardState.findFirstOrThrow({ where: { cardId: id } })).toEqual(stateBefore);
    const row = await db.card.findUniqueOrThrow({ where: { id } });
    expect(row.contentHash).not.toBe(hashBefore);
    expect(edited.cards[0]?.frontHtml).toContain("katex");
    expect(edited.cards[0]?.frontHtml).not.toBe(first.note.cards[0]?.frontHtml);
    expect(await db.reviewLog.count({ where: { cardId: id } })).toBe(1);
  });

  it("adds a card for a new cloze number, archives one whose number went, restores it when it returns", async () => {
    const db = testDb();
    const { me, module } = await setUp(db);
    const id = randomUUID();
    await createNote(db, me.id, { id, module: "my-notes", draft: draft({ kind: "cloze", text: "{{c1::Q}}, {{c2::K}} and V" }) }, T0);
    const [c1, c2] = await liveCards(db, module.id);
    await recordReview(db, { userId: me.id, reviewId: randomUUID(), cardId: c2?.id ?? "", rating: 3 }, hours(1));

    await editNote(db, me.id, id, draft({ kind: "cloze", text: "{{c1::Q}}, K and {{c3::V}}" }), hours(2));
    const afterDrop = await db.card.findMany({ where: { moduleId: module.id }, orderBy: { position: "asc" } });
    expect(afterDrop.map((c) => [c.externalId.split(":")[1], c.archivedAt === null])).toEqual([
      ["c1", true],
      ["c2", false],
      ["c3", true],
    ]);
    expect(afterDrop[0]?.id).toBe(c1?.id);
    expect(afterDrop[0]?.front).toBe("[…], K and V");

    await editNote(db, me.id, c1?.id ?? "", draft({ kind: "cloze", text: "{{c1::Q}}, {{c2::K}} and {{c3::V}}" }), hours(3));
    const restored = await liveCards(db, module.id);
    expect(restored.map((c) => c.id)).toEqual(afterDrop.map((c) => c.id));
    expect(await db.cardState.count({ where: { cardId: c2?.id ?? "" } })).toBe(1);
  });

  it("turns a basic note into a reversed one with a second card, and back", async () => {
    const db = testDb();
    const { me, module } = await setUp(db);
    const id = randomUUID();
    await createNote(db, me.id, { id, module: "my-notes", draft: draft({ kind: "basic", front: "KV", back: "key-value" }) }, T0);
    await editNote(db, me.id, id, draft({ kind: "reversed", front: "KV", back: "key-value" }), hours(1));
    expect((await liveCards(db, module.id)).map((c) => [c.kind, c.front])).toEqual([
      ["REVERSED", "KV"],
      ["REVERSED", "key-value"],
    ]);
    await editNote(db, me.id, id, draft({ kind: "basic", front: "KV", back: "key-value" }), hours(2));
    expect((await liveCards(db, module.id)).map((c) => [c.id, c.kind])).toEqual([[id, "BASIC"]]);
  });

  it("undoing a review restores the schedule only: the edit made after the review stays", async () => {
    const db = testDb();
    const { me } = await setUp(db);
    const id = randomUUID();
    await createNote(db, me.id, { id, module: "my-notes", draft: draft({ kind: "basic", front: "Before", back: "A" }) }, T0);
    const reviewId = randomUUID();
    await recordReview(db, { userId: me.id, reviewId, cardId: id, rating: 3 }, hours(1));
    await editNote(db, me.id, id, draft({ kind: "basic", front: "After the review", back: "A" }), hours(2));

    await undoReview(db, { userId: me.id, reviewId }, hours(3));

    expect(await db.cardState.count({ where: { cardId: id } })).toBe(0);
    expect((await db.card.findUniqueOrThrow({ where: { id } })).front).toBe("After the review");
    expect((await loadNote(db, me.id, id)).draft).toMatchObject({ front: "After the review" });
  });
});

describe("editor cards and re-imports of a file", () => {
  beforeEach(resetDb);

  const FILE = ["# Norms", "Q: What does RMSNorm skip? {#rms-skip}", "A: The mean.", "", "Q: Where does epsilon go? {#ln-eps}", "A: Inside the root."].join(
    "\n",
  );
  const parse = (text: string) => parseModuleSource({ manifest: { slug: "my-notes", title: "My notes" }, files: [{ name: "notes.md", text }] });

  it("leaves cards written in the editor alone when the file does not hold them", async () => {
    const db = testDb();
    const { me, module } = await setUp(db);
    await importModule(db, parse(FILE), { scope: me.id }, T0);
    const id = randomUUID();
    await createNote(
      db,
      me.id,
      { id, module: "my-notes", draft: draft({ kind: "cloze", text: "{{c1::Pre-norm}} keeps the {{c2::identity}} path" }) },
      hours(1),
    );

    const report = await importModule(db, parse(FILE), { scope: me.id }, hours(2));
    expect(report.cards.archived).toEqual([]);
    const shorter = await importModule(db, parse(FILE.split("\n").slice(0, 3).join("\n")), { scope: me.id }, hours(3));
    expect(shorter.cards.archived).toEqual(["ln-eps"]);
    const live = await liveCards(db, module.id);
    expect(live.filter((c) => c.origin === "EDITOR")).toHaveLength(2);
    expect(live.map((c) => c.externalId)).toContain("rms-skip");
  });

  it("keeps an edit of an imported card when the same file is imported again", async () => {
    const db = testDb();
    const { me, module } = await setUp(db);
    await importModule(db, parse(FILE), { scope: me.id }, T0);
    const imported = await db.card.findFirstOrThrow({ where: { moduleId: module.id, externalId: "rms-skip" } });
    await editNote(db, me.id, imported.id, draft({ kind: "basic", front: "What does RMSNorm leave out?", back: "Mean centring." }), hours(1));

    await importModule(db, parse(FILE), { scope: me.id }, hours(2));
    const after = await db.card.findUniqueOrThrow({ where: { id: imported.id } });
    expect(after).toMatchObject({ front: "What does RMSNorm leave out?", back: "Mean centring.", origin: "EDITOR", archivedAt: null });
    expect(await db.card.count({ where: { moduleId: module.id } })).toBe(2);
  });
});
