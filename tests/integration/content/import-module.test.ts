import { randomUUID } from "node:crypto";
import { beforeEach, describe, expect, it } from "vitest";
import { importModule } from "@/lib/content/import-module";
import { parseModuleSource } from "@/lib/content/parse-module";
import { seedCourse } from "@/lib/content/seed-course";
import { AppError } from "@/lib/errors/app-error";
import type { PrismaClient } from "@/lib/db/generated/client";
import { resetDb, testDb } from "../support/db";
import { createUser } from "../support/fixtures";

const T0 = new Date("2026-03-02T09:00:00Z");
const T1 = new Date("2026-03-03T09:00:00Z");
const T2 = new Date("2026-03-04T09:00:00Z");
const T3 = new Date("2026-03-05T09:00:00Z");

const BASE = [
  "# Norms",
  "Q: What does RMSNorm skip? [easy] {#rms-skip}",
  "A: The mean.",
  "",
  "Q: Where does epsilon go? [medium] {#ln-eps}",
  "A: Inside the square root.",
  "",
  "LayerNorm :: Per-token mean and variance normalization. [easy] {#ln-def}",
  "",
  "RMSNorm of [2, 4] divides by {{c1::√10 ≈ 3.16}}. [hard] {#rms-cloze}",
  "",
  "## Interview questions",
  "Q: Why pre-norm? [hard] {#iq-prenorm}",
  "A: The shortcut stays an identity.",
  "Common wrong answer to avoid: It is a style choice.",
  "Key points: clean identity path; final norm",
  "",
  "## Health check",
  "- [ ] Can compute LayerNorm by hand [evidence: layernorm-by-hand passed on 3 separate days] {#hc-ln}",
  "- [ ] Can explain RMSNorm {#hc-rms}",
].join("\n");

function parse(text: string) {
  return parseModuleSource({ manifest: { slug: "norms", title: "Norms" }, files: [{ name: "norms.md", text }] });
}

async function cardsByExternalId(db: PrismaClient) {
  const rows = await db.card.findMany();
  return new Map(rows.map((r) => [r.externalId, r]));
}

async function addHistory(db: PrismaClient, userId: string, cardId: string) {
  await db.cardState.create({
    data: {
      userId,
      cardId,
      due: T1,
      stability: 3.2,
      difficulty: 5.1,
      elapsedDays: 0,
      scheduledDays: 1,
      learningSteps: 0,
      reps: 1,
      lapses: 0,
      state: "REVIEW",
      lastReview: T0,
      version: 1,
    },
  });
  await db.reviewLog.create({
    data: {
      id: randomUUID(),
      userId,
      cardId,
      rating: 3,
      state: "NEW",
      due: T0,
      stability: 0,
      difficulty: 0,
      elapsedDays: 0,
      lastElapsedDays: 0,
      scheduledDays: 0,
      learningSteps: 0,
      reviewedAt: T0,
      stateBefore: {},
      stateVersionAfter: 1,
    },
  });
}

describe("importModule", () => {
  beforeEach(resetDb);

  it("creates the module, its cards and its checklist", async () => {
    const db = testDb();
    const report = await importModule(db, parse(BASE), { scope: "public" }, T0);

    expect(report.module).toMatchObject({ slug: "norms", scope: "public", status: "created" });
    expect(report.cards.created).toEqual(["rms-skip", "ln-eps", "ln-def", "ln-def:rev", "rms-cloze:c1", "iq-prenorm"]);
    expect(report.checklist.created).toEqual(["hc-ln", "hc-rms"]);
    expect(report).toMatchObject({ created: 8, updated: 0, unchanged: 0, archived: 0, skipped: [] });

    const module = await db.module.findUniqueOrThrow({ where: { scope_slug: { scope: "public", slug: "norms" } } });
    expect(module).toMatchObject({ ownerId: null, title: "Norms", createdAt: T0 });
    const cards = await cardsByExternalId(db);
    expect(cards.get("iq-prenorm")).toMatchObject({
      kind: "BASIC",
      role: "INTERVIEW",
      difficulty: "HARD",
      topic: "Norms",
      commonWrongAnswer: "It is a style choice.",
      keyPoints: ["clean identity path", "final norm"],
      position: 5,
      archivedAt: null,
      createdAt: T0,
    });
    expect(cards.get("ln-def:rev")).toMatchObject({ kind: "REVERSED", siblingKey: "ln-def", front: "Per-token mean and variance normalization." });
    expect(cards.get("rms-cloze:c1")).toMatchObject({ kind: "CLOZE", front: "RMSNorm of [2, 4] divides by […]." });
    const checks = await db.checklistItem.findMany({ orderBy: { position: "asc" } });
    expect(checks.map((c) => [c.externalId, c.section, c.evidenceRule])).toEqual([
      ["hc-ln", "Health check", { kind: "exercise-passed", exerciseSlug: "layernorm-by-hand", distinctDays: 3 }],
      ["hc-rms", "Health check", null],
    ]);
  });

  it("changes nothing when the same content is imported again", async () => {
    const db = testDb();
    await importModule(db, parse(BASE), { scope: "public" }, T0);
    const before = { cards: await db.card.findMany({ orderBy: { id: "asc" } }), checks: await db.checklistItem.findMany({ orderBy: { id: "asc" } }) };

    const report = await importModule(db, parse(BASE), { scope: "public" }, T1);

    expect(report.module.status).toBe("unchanged");
    expect(report).toMatchObject({ created: 0, updated: 0, restored: 0, moved: 0, archived: 0, unchanged: 8 });
    expect(await db.card.findMany({ orderBy: { id: "asc" } })).toEqual(before.cards);
    expect(await db.checklistItem.findMany({ orderBy: { id: "asc" } })).toEqual(before.checks);
    expect((await db.module.findFirstOrThrow()).updatedAt).toEqual(T0);
  });

  it("updates an edited card in place and leaves its review history alone", async () => {
    const db = testDb();
    const user = await createUser(db);
    await importModule(db, parse(BASE), { scope: "public" }, T0);
    const original = (await cardsByExternalId(db)).get("ln-eps");
    if (!original) throw new Error("card missing");
    await addHistory(db, user.id, original.id);
    const stateBefore = await db.cardState.findMany({ where: { cardId: original.id } });
    const logsBefore = await db.reviewLog.findMany({ where: { cardId: original.id } });

    const edited = BASE.replace("A: Inside the square root.", "A: Inside the square root, added to the variance.");
    const report = await importModule(db, parse(edited), { scope: "public" }, T1);

    expect(report.cards.updated).toEqual(["ln-eps"]);
    expect(report.cards.unchanged).toHaveLength(5);
    expect(report.module.status).toBe("updated");
    const after = (await cardsByExternalId(db)).get("ln-eps");
    expect(after).toMatchObject({ id: original.id, back: "Inside the square root, added to the variance.", updatedAt: T1, createdAt: T0 });
    expect(after?.contentHash).not.toBe(original.contentHash);
    expect(await db.cardState.findMany({ where: { cardId: original.id } })).toEqual(stateBefore);
    expect(await db.reviewLog.findMany({ where: { cardId: original.id } })).toEqual(logsBefore);
  });

  it("archives a card that left the source and restores it, same row, when it comes back", async () => {
    const db = testDb();
    const user = await createUser(db);
    await importModule(db, parse(BASE), { scope: "public" }, T0);
    const original = (await cardsByExternalId(db)).get("rms-skip");
    if (!original) throw new Error("card missing");
    await addHistory(db, user.id, original.id);

    const without = BASE.replace("Q: What does RMSNorm skip? [easy] {#rms-skip}\nA: The mean.\n\n", "").replace("- [ ] Can explain RMSNorm {#hc-rms}", "");
    const removed = await importModule(db, parse(without), { scope: "public" }, T1);

    expect(removed.cards.archived).toEqual(["rms-skip"]);
    expect(removed.checklist.archived).toEqual(["hc-rms"]);
    expect(removed.cards.moved).toEqual(["ln-eps", "ln-def", "ln-def:rev", "rms-cloze:c1", "iq-prenorm"]);
    expect(removed.cards.updated).toEqual([]);
    expect(await db.card.findUniqueOrThrow({ where: { id: original.id } })).toMatchObject({ archivedAt: T1 });
    expect(await db.cardState.count({ where: { cardId: original.id } })).toBe(1);

    const again = await importModule(db, parse(without), { scope: "public" }, T2);
    expect(again).toMatchObject({ archived: 0, moved: 0, unchanged: 6 });

    const back = await importModule(db, parse(BASE), { scope: "public" }, T3);
    expect(back.cards.restored).toEqual(["rms-skip"]);
    expect(back.checklist.restored).toEqual(["hc-rms"]);
    const restored = await db.card.findUniqueOrThrow({ where: { id: original.id } });
    expect(restored).toMatchObject({ archivedAt: null, position: 0 });
    expect(await db.cardState.count({ where: { cardId: original.id } })).toBe(1);
    expect(await db.reviewLog.count({ where: { cardId: original.id } })).toBe(1);
  });

  it("reports skipped lines and warnings from the parser", async () => {
    const db = testDb();
    const text = `${BASE}\n\n# Extra\nQ: no answer here\n\n## Interview Q&A\nQ: bare?\nA: yes`;
    const report = await importModule(db, parse(text), { scope: "public" }, T0);
    expect(report.skipped).toEqual([expect.objectContaining({ file: "norms.md", line: 23, reason: expect.stringMatching(/question without an answer/) })]);
    expect(report.warnings.map((w) => w.line)).toEqual([26, 26]);
    expect(report.cards.created).toHaveLength(7);
  });

  it("joins a caller's transaction: a rollback there leaves nothing behind", async () => {
    const db = testDb();
    const failure = new Error("rollback");
    await expect(
      db.$transaction(async (tx) => {
        const report = await importModule(tx, parse(BASE), { scope: "public" }, T0);
        expect(report.created).toBe(8);
        throw failure;
      }),
    ).rejects.toBe(failure);
    expect(await db.module.count()).toBe(0);
    expect(await db.card.count()).toBe(0);
  });

  it("imports a private module under its owner's scope", async () => {
    const db = testDb();
    const user = await createUser(db);
    const report = await importModule(db, parse(BASE), { scope: user.id, ownerId: user.id }, T0);
    expect(report.module).toMatchObject({ scope: user.id, status: "created" });
    expect(await db.module.findFirstOrThrow({ where: { scope: user.id } })).toMatchObject({ ownerId: user.id });
  });

  it.each([
    { name: "a public module with an owner", target: { scope: "public", ownerId: "someone" } },
    { name: "an owner that is not the scope", target: { scope: "user-a", ownerId: "user-b" } },
  ])("refuses $name and writes nothing", async ({ target }) => {
    const db = testDb();
    await expect(importModule(db, parse(BASE), target, T0)).rejects.toBeInstanceOf(AppError);
    expect(await db.module.count()).toBe(0);
  });
});

describe("seedCourse", () => {
  beforeEach(resetDb);

  it("imports the built-in course once; a second run changes nothing", async () => {
    const db = testDb();
    const first = await seedCourse(db, undefined, T0);
    expect(first.module).toMatchObject({ slug: "transformer-architecture", scope: "public", status: "created" });
    expect(first.skipped).toEqual([]);
    expect(first.cards.created.length).toBeGreaterThanOrEqual(60);
    expect(await db.card.count()).toBe(first.cards.created.length);

    const second = await seedCourse(db, undefined, T1);
    expect(second.module.status).toBe("unchanged");
    expect(second).toMatchObject({ created: 0, updated: 0, archived: 0, moved: 0, restored: 0 });
    expect(second.unchanged).toBe(first.created);
  });
});
