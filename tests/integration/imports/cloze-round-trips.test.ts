// Cloze notes through the import and both module exports on the real
// Postgres: every card keeps its note; markdown notes → export md → import,
// and an Anki package with a cloze note and its history → import → export
// apkg → import, each back into the same module, change nothing and keep
// every review; an edited cloze text updates the gaps that remain in place.
import { randomUUID } from "node:crypto";
import { beforeEach, describe, expect, it } from "vitest";
import { readAnkiPackage } from "@/lib/anki/read-package";
import { writeAnkiPackage, type AnkiPackageInput } from "@/lib/anki/write-package";
import { readClozeSource } from "@/lib/content/cloze-source";
import type { ImportResult } from "@/lib/imports/import-upload";
import type { ModuleZipResult } from "@/lib/imports/module-zip-import";
import { recordReview } from "@/lib/reviews/record-review";
import { resetDb, testDb } from "../support/db";
import { bearerFor, createUser } from "../support/fixtures";
import { pngBytes } from "../../unit/anki/support/png";
import { GOOD_THRICE, NOTE_TYPES } from "../../unit/anki/support/sample-collection";
import { exportModuleFile, okJson, postImport, runAnkiImport } from "./support";

const NOW = new Date("2025-03-01T09:00:00Z");
const HOUR = 3_600_000;
const MASK = pngBytes(8, 8, [10, 200, 10]);

const NOTES = `# Attention

## Masks

The causal mask is {{c1::lower}}-triangular: row i keeps {{c2::j ≤ i::which keys?}}, scaled by {{c3::$1/\\sqrt{d_k}$}}. [hard] [tags: masks] {#mask-rows}

Q: Why mask before the softmax?
A: So the hidden weights are exactly 0.

A {{c1::KV cache}} keeps the {{c2::keys}} and values of past tokens.
`;

const counts = (r: { cards: Record<string, { total: number }> }) => Object.fromEntries(Object.entries(r.cards).map(([k, v]) => [k, v.total]));
const nothingChanged = (unchanged: number) => ({ created: 0, updated: 0, restored: 0, unchanged, archived: 0 });

const cardRows = (moduleId: string) =>
  testDb().card.findMany({
    where: { moduleId },
    select: { id: true, externalId: true, kind: true, front: true, back: true, contentHash: true, noteSource: true, origin: true, archivedAt: true },
    orderBy: { id: "asc" },
  });
const history = async (userId: string) => ({
  states: await testDb().cardState.findMany({ where: { userId }, orderBy: { cardId: "asc" } }),
  reviews: await testDb().reviewLog.findMany({ where: { userId }, orderBy: { id: "asc" } }),
});

async function learner() {
  const db = testDb();
  const user = await createUser(db);
  return { db, user, auth: await bearerFor(db, user.id) };
}

describe("cloze notes from markdown", () => {
  beforeEach(resetDb);

  async function importedNotes() {
    const { db, user, auth } = await learner();
    const report = await okJson<ImportResult>(await postImport(auth, "module=attention&filename=attention.md", new TextEncoder().encode(NOTES)));
    expect(counts(report)).toMatchObject({ created: 6 });
    const moduleId = report.module.id ?? "";
    const gaps = (await cardRows(moduleId)).filter((c) => c.externalId.startsWith("mask-rows:"));
    for (const [i, card] of gaps.entries()) {
      await recordReview(db, { userId: user.id, reviewId: randomUUID(), cardId: card.id, rating: 3 }, new Date(NOW.getTime() + i * HOUR));
    }
    return { db, user, auth, moduleId };
  }

  it("keeps the note on every gap's card, and the same file again changes nothing", async () => {
    const { auth, moduleId } = await importedNotes();
    const before = await cardRows(moduleId);
    const cloze = before.filter((c) => c.kind === "CLOZE");
    expect(cloze.length).toBe(5);
    expect(cloze.every((c) => c.noteSource !== null)).toBe(true);
    expect(readClozeSource(cloze.find((c) => c.externalId === "mask-rows:c1")?.noteSource ?? null)?.text).toContain("{{c2::j ≤ i::which keys?}}");
    expect(before.filter((c) => c.kind === "BASIC").map((c) => c.noteSource)).toEqual([null]);

    const again = await okJson<ImportResult>(await postImport(auth, "module=attention&filename=attention.md", new TextEncoder().encode(NOTES)));
    expect(counts(again)).toEqual(nothingChanged(6));
    expect(await cardRows(moduleId)).toEqual(before);
  });

  it("exports the cloze text, which imports back into its module changing nothing", async () => {
    const { user, auth, moduleId } = await importedNotes();
    const before = { cards: await cardRows(moduleId), history: await history(user.id) };
    const zip = await exportModuleFile(auth, "attention", "md");

    const back = await okJson<ModuleZipResult>(await postImport(auth, "filename=attention.zip", zip));
    expect(back.module.id).toBe(moduleId);
    expect(counts(back)).toEqual(nothingChanged(6));
    expect({ cards: await cardRows(moduleId), history: await history(user.id) }).toEqual(before);
  });

  it("updates an edited cloze text in place: the gaps that remain keep their rows and reviews, a removed one is archived", async () => {
    const { user, auth, moduleId } = await importedNotes();
    const before = await cardRows(moduleId);
    const reviewsBefore = await history(user.id);
    const edited = NOTES.replace("{{c1::lower}}-triangular", "{{c1::lower triangular}}").replace(", scaled by {{c3::$1/\\sqrt{d_k}$}}", "");

    const report = await okJson<ImportResult>(await postImport(auth, "module=attention&filename=attention.md", new TextEncoder().encode(edited)));
    expect(counts(report)).toEqual({ created: 0, updated: 2, restored: 0, unchanged: 3, archived: 1 });
    const after = new Map((await cardRows(moduleId)).map((c) => [c.externalId, c]));
    for (const id of ["mask-rows:c1", "mask-rows:c2"]) {
      expect(after.get(id)?.id).toBe(before.find((c) => c.externalId === id)?.id);
      expect(readClozeSource(after.get(id)?.noteSource ?? null)?.text).toBe(
        "The causal mask is {{c1::lower triangular}}: row i keeps {{c2::j ≤ i::which keys?}}.",
      );
    }
    expect(after.get("mask-rows:c1")?.front).toBe("The causal mask is [\u2026]: row i keeps j ≤ i.");
    expect(after.get("mask-rows:c3")?.archivedAt).not.toBeNull();
    expect(await history(user.id)).toEqual(reviewsBefore);
  });
});

/** One deck "Notes::Attention": a cloze note with a Back Extra showing an image, its first gap reviewed three times, and a basic note. */
function clozeDeck(): AnkiPackageInput {
  const card = (id: number, noteId: number, ordinal: number, reviewed: boolean) => ({
    id,
    noteId,
    deckId: 4001,
    ordinal,
    type: reviewed ? 2 : 0,
    queue: reviewed ? 2 : 0,
    suspended: false,
    buried: false,
    due: reviewed ? 30 : id,
    history: reviewed ? GOOD_THRICE : [],
  });
  return {
    decks: [{ id: 4001, name: "Notes::Attention", path: ["Notes", "Attention"], filtered: false }],
    noteTypes: NOTE_TYPES,
    notes: [
      {
        id: 1,
        guid: "cloze-guid",
        noteTypeId: 1004,
        fields: [
          "Attention is {{c1::softmax}}(QK<sup>T</sup> / {{c2::\\(\\sqrt{d_k}\\)::scale}}) V, <b>causal</b> in a {{c3::decoder}}",
          'The mask: <img src="mask.png">',
        ],
        tags: ["attention", "Formulas"],
      },
      { id: 2, guid: "basic-guid", noteTypeId: 1001, fields: ["What does the mask hide?", "Later positions"], tags: [] },
    ],
    cards: [card(11, 1, 0, true), card(12, 1, 1, false), card(13, 1, 2, false), card(21, 2, 0, false)],
    media: [{ name: "mask.png", bytes: MASK, type: "image/png" }],
  };
}

describe("cloze notes from an Anki package", () => {
  beforeEach(resetDb);

  it("round-trips apkg → import → export apkg → import: one Cloze note, the same cards, notes and history, nothing new", async () => {
    const { db, user, auth } = await learner();
    const first = await runAnkiImport(auth, "filename=notes.apkg", await writeAnkiPackage(clozeDeck(), NOW), NOW);
    expect(first.written).toMatchObject({ cards: 1, reviews: GOOD_THRICE.length, images: 1 });
    const moduleId = first.modules[0]?.module.id ?? "";
    const before = { cards: await cardRows(moduleId), history: await history(user.id) };
    const cloze = before.cards.filter((c) => c.kind === "CLOZE");
    expect(cloze.map((c) => c.externalId.split(":")[1]).sort()).toEqual(["0", "1", "2"]);
    const note = readClozeSource(cloze[0]?.noteSource ?? null);
    expect(note?.extra).toMatch(/^The mask: !\[\]\(\/api\/images\/[0-9a-f-]{36}\)$/);
    expect(cloze.every((c) => c.noteSource === cloze[0]?.noteSource && c.back.endsWith(note?.extra ?? "?"))).toBe(true);

    const exported = await exportModuleFile(auth, "notes-attention", "apkg");
    const collection = await readAnkiPackage(exported);
    const clozeType = collection.noteTypes.find((t) => t.kind === "CLOZE");
    const [clozeNote] = collection.notes.filter((n) => n.noteTypeId === clozeType?.id);
    expect(collection.notes.length).toBe(2);
    expect(clozeType?.fields).toEqual(["Text", "Back Extra"]);
    expect(clozeNote?.fields[0]).toContain("{{c2::");
    expect(clozeNote?.fields[1]).toMatch(/The mask: <img src="[0-9a-f-]{36}\.png"/);
    expect(collection.cards.filter((c) => c.noteId === clozeNote?.id).map((c) => [c.ordinal, c.history.length])).toEqual([
      [0, GOOD_THRICE.length],
      [1, 0],
      [2, 0],
    ]);

    const back = await runAnkiImport(auth, "filename=notes-attention.apkg", exported, new Date(NOW.getTime() + HOUR));
    expect(back.modules.map((m) => [m.module.id, counts(m)])).toEqual([[moduleId, nothingChanged(4)]]);
    expect(back.written).toEqual({ cards: 0, reviews: 0, images: 0 });
    expect({ cards: await cardRows(moduleId), history: await history(user.id) }).toEqual(before);
    expect(await db.cardImage.count()).toBe(1);
  });
});
