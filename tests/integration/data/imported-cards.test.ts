import { beforeEach, describe, expect, it } from "vitest";
import { insertImportedCards, updateCardPositions, updateImportedCards, type ImportedCardWrite } from "@/lib/data/card";
import { resetDb, testDb } from "../support/db";
import { createModuleWithCards } from "../support/fixtures";

const T0 = new Date("2026-03-02T09:00:00.123Z");
const T1 = new Date("2026-03-03T23:59:59.999Z");

/** Column values that a JSON round trip could bend: quotes, backslashes, newlines, astral characters, empty and null. */
const TRICKY: ImportedCardWrite = {
  kind: "BASIC",
  role: "INTERVIEW",
  front: 'A "quoted" \\(x\\) \\n and a real\nnewline, tab\t, emoji 🧠, 中文',
  back: "",
  commonWrongAnswer: null,
  keyPoints: ["first, with a comma", 'second "quoted"', "{braces}"],
  topic: "Norms › RMSNorm",
  tags: ["a", "b-c"],
  difficulty: "HARD",
  siblingKey: "note-1",
  exerciseSlug: null,
  noteSource: null,
  position: 7,
  contentHash: "hash-1",
};

describe("bulk card writes of an import", () => {
  beforeEach(resetDb);

  it("inserts exactly what Prisma's createMany would store", async () => {
    const db = testDb();
    const { moduleId } = await createModuleWithCards(db, { cards: 0 });
    const plain = {
      ...TRICKY,
      externalId: "plain",
      commonWrongAnswer: "It is a style choice.",
      exerciseSlug: "layernorm-by-hand",
      keyPoints: [],
      tags: [],
      noteSource: '{"kind":"cloze","text":"a \\"q\\" {{c1::x}}\\n"}',
    };

    expect(await insertImportedCards(db, moduleId, [{ ...TRICKY, externalId: "tricky" }, plain], T0)).toBe(2);
    await db.card.createMany({
      data: [
        { ...TRICKY, externalId: "tricky-prisma", moduleId, createdAt: T0, updatedAt: T0 },
        { ...plain, externalId: "plain-prisma", moduleId, createdAt: T0, updatedAt: T0 },
      ],
    });

    const rows = await db.card.findMany({ where: { moduleId } });
    const byId = new Map(rows.map(({ id: _id, externalId, ...rest }) => [externalId, rest]));
    expect(byId.get("tricky")).toEqual(byId.get("tricky-prisma"));
    expect(byId.get("plain")).toEqual(byId.get("plain-prisma"));
    expect(byId.get("tricky")).toMatchObject({ ...TRICKY, origin: "IMPORT", archivedAt: null, createdAt: T0, updatedAt: T0 });
  });

  it("stores a lone surrogate as U+FFFD, as a text parameter would", async () => {
    const db = testDb();
    const { moduleId } = await createModuleWithCards(db, { cards: 0 });

    await insertImportedCards(db, moduleId, [{ ...TRICKY, externalId: "lone", front: "high \ud800 low \udc00 pair 🧠 end", tags: ["\udfff"] }], T0);

    expect(await db.card.findFirstOrThrow({ where: { moduleId } })).toMatchObject({ front: "high \ufffd low \ufffd pair 🧠 end", tags: ["\ufffd"] });
  });

  it("rewrites content by id, live again, and moves positions, leaving other cards alone", async () => {
    const db = testDb();
    const { moduleId, cardIds } = await createModuleWithCards(db, { cards: 3 });
    const [first, second, third] = cardIds.map((id) => id);
    if (!first || !second || !third) throw new Error("cards missing");
    await db.card.update({ where: { id: first }, data: { archivedAt: T0 } });
    const untouched = await db.card.findUniqueOrThrow({ where: { id: third } });

    expect(await updateImportedCards(db, [{ ...TRICKY, id: first }], T1)).toBe(1);
    expect(await updateCardPositions(db, [{ id: second, position: 9 }], T1)).toBe(1);

    const rows = new Map((await db.card.findMany({ where: { moduleId } })).map((r) => [r.id, r]));
    expect(rows.get(first)).toMatchObject({ ...TRICKY, externalId: "c0", archivedAt: null, updatedAt: T1 });
    expect(rows.get(second)).toMatchObject({ front: "Question 1", position: 9, updatedAt: T1 });
    expect(rows.get(third)).toEqual(untouched);
  });
});
