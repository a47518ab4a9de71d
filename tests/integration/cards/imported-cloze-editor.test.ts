// An imported cloze note in the card editor on the real Postgres: it opens
// as the note it was imported from (markdown or Anki), saving it keeps every
// gap's row, schedule and reviews, and a re-import of the file leaves the
// edited note alone, as for any card edited in the editor. An Anki basic note
// keeps its card too: its id is Anki's (`key:0`), not the note key.
import { randomUUID } from "node:crypto";
import { beforeEach, describe, expect, it } from "vitest";
import { writeAnkiPackage } from "@/lib/anki/write-package";
import { CardDraftSchema } from "@/lib/cards/card-draft";
import { editNote, loadNote } from "@/lib/cards/card-editor";
import { importModule } from "@/lib/content/import-module";
import { createModule } from "@/lib/modules/manage-modules";
import { parseModuleSource } from "@/lib/content/parse-module";
import type { PrismaClient } from "@/lib/db/generated/client";
import { recordReview } from "@/lib/reviews/record-review";
import { resetDb, testDb } from "../support/db";
import { bearerFor, createUser } from "../support/fixtures";
import { runAnkiImport } from "../imports/support";
import { sampleCollection } from "../../unit/anki/support/sample-collection";
import { hours, T0 } from "./support";

const FILE = `# Masks

The causal mask is {{c1::lower}}-triangular: row i keeps {{c2::j ≤ i}}. [easy] [tags: masks] {#mask-rows}

Q: Why mask before the softmax? {#why-before}
A: So the hidden weights are exactly 0.
`;
const parse = (text: string) => parseModuleSource({ manifest: { slug: "masks", title: "Masks" }, files: [{ name: "masks.md", text }] }, { notes: true });

const noteRows = (db: PrismaClient, moduleId: string, siblingKey: string) =>
  db.card.findMany({ where: { moduleId, siblingKey }, orderBy: { externalId: "asc" } });

/** Reviews every live card of the note once, an hour apart, and returns their states and reviews. */
async function reviewAll(db: PrismaClient, userId: string, ids: readonly string[]) {
  for (const [i, cardId] of ids.entries()) await recordReview(db, { userId, reviewId: randomUUID(), cardId, rating: 3 }, hours(1 + i));
  return {
    states: await db.cardState.findMany({ where: { userId }, orderBy: { cardId: "asc" } }),
    reviews: await db.reviewLog.findMany({ where: { userId }, orderBy: { id: "asc" } }),
  };
}

describe("an imported cloze note in the editor", () => {
  beforeEach(resetDb);

  it("from a markdown file: opens as written, saves in place keeping schedules, and a re-import leaves it alone", async () => {
    const db = testDb();
    const me = await createUser(db);
    await createModule(db, me.id, { slug: "masks", title: "Masks", description: "" }, T0);
    const report = await importModule(db, parse(FILE), { scope: me.id }, T0);
    const moduleId = report.module.id;
    const imported = await noteRows(db, moduleId, "mask-rows");
    expect(imported.map((c) => [c.externalId, c.origin])).toEqual([
      ["mask-rows:c1", "IMPORT"],
      ["mask-rows:c2", "IMPORT"],
    ]);
    const before = await reviewAll(
      db,
      me.id,
      imported.map((c) => c.id),
    );

    const opened = await loadNote(db, me.id, imported[1]?.id ?? "");
    expect(opened.draft).toEqual({
      kind: "cloze",
      text: "The causal mask is {{c1::lower}}-triangular: row i keeps {{c2::j ≤ i}}.",
      extra: "",
      topic: "Masks",
      tags: ["masks"],
      difficulty: "EASY",
    });

    const edited = CardDraftSchema.parse({
      ...opened.draft,
      text: "The causal mask is {{c1::lower}} triangular: row i keeps {{c2::keys j ≤ i}}, not {{c3::j > i}}.",
    });
    await editNote(db, me.id, opened.cardId, edited, hours(5));
    const after = await noteRows(db, moduleId, "mask-rows");
    expect(after.map((c) => [c.externalId, c.origin, c.archivedAt])).toEqual([
      ["mask-rows:c1", "EDITOR", null],
      ["mask-rows:c2", "EDITOR", null],
      ["mask-rows:c3", "EDITOR", null],
    ]);
    expect(after.slice(0, 2).map((c) => c.id)).toEqual(imported.map((c) => c.id));
    expect(after[1]?.front).toBe("The causal mask is lower triangular: row i keeps […], not j > i.");
    expect((await loadNote(db, me.id, opened.cardId)).draft).toEqual(edited);
    const kept = {
      states: await db.cardState.findMany({ where: { userId: me.id }, orderBy: { cardId: "asc" } }),
      reviews: await db.reviewLog.findMany({ where: { userId: me.id }, orderBy: { id: "asc" } }),
    };
    expect(kept).toEqual(before);

    const again = await importModule(db, parse(FILE), { scope: me.id }, hours(6));
    expect([again.cards.updated, again.cards.archived, again.cards.created]).toEqual([[], [], []]);
    expect(await noteRows(db, moduleId, "mask-rows")).toEqual(after);
  });

  it("from an Anki package: opens with its Back Extra, and saving keeps Anki's card ids and the replayed schedules", async () => {
    const db = testDb();
    const me = await createUser(db);
    const auth = await bearerFor(db, me.id);
    await runAnkiImport(auth, "filename=sample.apkg", await writeAnkiPackage(sampleCollection(), T0), T0);
    const [first] = await db.card.findMany({ where: { kind: "CLOZE" }, orderBy: { externalId: "asc" } });
    if (!first) throw new Error("the sample has a cloze note");
    const rows = await noteRows(db, first.moduleId, first.siblingKey);
    expect(rows.map((c) => c.externalId.split(":")[1])).toEqual(["0", "1"]);
    const statesBefore = await db.cardState.findMany({ where: { cardId: { in: rows.map((c) => c.id) } }, orderBy: { cardId: "asc" } });
    expect(statesBefore.length).toBeGreaterThan(0);

    const opened = await loadNote(db, me.id, first.id);
    expect(opened.draft).toMatchObject({ kind: "cloze", text: expect.stringContaining("{{c2::"), extra: expect.stringContaining("/api/images/") });
    if (opened.draft?.kind !== "cloze") throw new Error("a cloze draft");
    await editNote(db, me.id, first.id, { ...opened.draft, text: `${opened.draft.text} (per head)` }, hours(1));

    const after = await noteRows(db, first.moduleId, first.siblingKey);
    expect(after.map((c) => [c.id, c.externalId, c.archivedAt])).toEqual(rows.map((c) => [c.id, c.externalId, null]));
    expect(after.every((c) => c.front.endsWith("(per head)") && c.origin === "EDITOR")).toBe(true);
    expect(await db.cardState.findMany({ where: { cardId: { in: rows.map((c) => c.id) } }, orderBy: { cardId: "asc" } })).toEqual(statesBefore);
  });

  it("an Anki basic note too: saving it keeps its card (id `key:0`) and its replayed schedule", async () => {
    const db = testDb();
    const me = await createUser(db);
    await runAnkiImport(await bearerFor(db, me.id), "filename=sample.apkg", await writeAnkiPackage(sampleCollection(), T0), T0);
    const card = await db.card.findFirstOrThrow({ where: { front: "What does **LayerNorm** normalise?" } });
    const state = await db.cardState.findFirstOrThrow({ where: { cardId: card.id } });
    const opened = await loadNote(db, me.id, card.id);
    if (opened.draft?.kind !== "basic") throw new Error("a basic draft");
    await editNote(db, me.id, card.id, { ...opened.draft, back: "Each token's features" }, hours(1));
    expect(await noteRows(db, card.moduleId, card.siblingKey)).toMatchObject([
      { id: card.id, externalId: card.externalId, archivedAt: null, origin: "EDITOR" },
    ]);
    expect(await db.cardState.findFirstOrThrow({ where: { cardId: card.id } })).toEqual(state);
  });
});
