// An imported cloze note, from a markdown file or an Anki package, reopened
// in the editor and written back: the draft gives the same cards (ids and
// faces) as the import made, and its note source is the editor's own record.
import { describe, expect, it } from "vitest";
import { convertAnkiCollection } from "@/lib/anki/convert";
import { CardDraftSchema } from "@/lib/cards/card-draft";
import { cardsOfNote, draftOfNote } from "@/lib/cards/note-cards";
import { parseModuleSource } from "@/lib/content/parse-module";
import type { ParsedCard } from "@/lib/content/schemas";
import { DEFAULT_SCHEDULER_SETTINGS } from "@/lib/scheduling";
import { sampleCollection } from "../anki/support/sample-collection";

const NOTES = `# Attention

## Masks

The causal mask is {{c1::lower}}-triangular: row i keeps {{c2::j ≤ i::which keys?}}, scaled by {{c1::$1/\\sqrt{d_k}$}}. [hard] [tags: masks, softmax] {#mask-rows}

A {{c1::hash-id}} cloze without a marker id.
`;

const faces = (cards: readonly { externalId: string; kind: string; front: string; back: string; siblingKey: string }[]) =>
  cards.map((c) => ({ externalId: c.externalId, kind: c.kind, front: c.front, back: c.back, siblingKey: c.siblingKey }));

function notesOf(cards: readonly ParsedCard[]): Map<string, ParsedCard[]> {
  const notes = new Map<string, ParsedCard[]>();
  for (const card of cards) notes.set(card.siblingKey, [...(notes.get(card.siblingKey) ?? []), card]);
  return notes;
}

function expectDraftRoundTrip(note: readonly ParsedCard[]) {
  const draft = draftOfNote(note);
  expect(draft?.kind).toBe("cloze");
  if (!draft) return;
  // The recorded note is already what the editor records: parsing it changes nothing.
  expect(CardDraftSchema.parse(draft)).toEqual(draft);
  const key = note[0]?.siblingKey ?? "";
  const rewritten = cardsOfNote(key, draft);
  expect(faces(rewritten)).toEqual(faces(note));
  expect(rewritten.map((c) => c.noteSource)).toEqual(note.map((c) => c.noteSource));
  expect(rewritten.map((c) => [c.topic, c.tags, c.difficulty])).toEqual(note.map((c) => [c.topic, c.tags, c.difficulty]));
}

describe("an imported cloze note in the editor", () => {
  it("from a markdown file: every card records the note, which gives the same cards back", () => {
    const cards = parseModuleSource({ manifest: { slug: "notes", title: "Notes" }, files: [{ name: "notes.md", text: NOTES }] }, { notes: true }).cards;
    const notes = [...notesOf(cards).values()];
    expect(notes.map((n) => n.length)).toEqual([2, 1]);
    for (const note of notes) {
      expect(new Set(note.map((c) => c.noteSource)).size).toBe(1);
      expectDraftRoundTrip(note);
    }
    expect(draftOfNote(notes[0] ?? [])).toEqual({
      kind: "cloze",
      text: "The causal mask is {{c1::lower}}-triangular: row i keeps {{c2::j ≤ i::which keys?}}, scaled by {{c1::$1/\\sqrt{d_k}$}}.",
      extra: "",
      topic: "Attention > Masks",
      tags: ["masks", "softmax"],
      difficulty: "HARD",
    });
  });

  it("from an Anki cloze note: its Back Extra is the draft's extra and its cards keep Anki's ordinals", async () => {
    const out = await convertAnkiCollection({ ...sampleCollection(), packageVersion: "LEGACY_2", schemaVersion: 11 }, { settings: DEFAULT_SCHEDULER_SETTINGS });
    const cloze = out.modules.flatMap((m) => m.module.cards).filter((c) => c.kind === "CLOZE");
    expect(cloze.map((c) => c.externalId.split(":")[1])).toEqual(["0", "1"]);
    expectDraftRoundTrip(cloze);
    expect(draftOfNote(cloze)).toMatchObject({
      text: "Attention is {{c1::softmax}}(QK^T / {{c2::$\\sqrt{d_k}$::scale}}) V",
      extra: "See ![](<diagram.png>)",
      tags: ["attention"],
    });
  });

  it("keeps no note on other cards", () => {
    const cards = parseModuleSource({
      manifest: { slug: "n", title: "N" },
      files: [{ name: "n.md", text: "Q: Why?\nA: Because.\n\nGQA :: Grouped-query attention\n" }],
    }).cards;
    expect(cards.map((c) => c.noteSource)).toEqual([null, null, null]);
  });

  it("reads back a cloze note imported before its note was kept from its faces, by its ids", () => {
    const cards = parseModuleSource({ manifest: { slug: "n", title: "N" }, files: [{ name: "n.md", text: NOTES }] }).cards;
    const note = cards.filter((c) => c.siblingKey === "mask-rows").map((c) => ({ ...c, noteSource: null }));
    expect(draftOfNote(note)).toMatchObject({ kind: "cloze", text: expect.stringContaining("{{c2::j ≤ i::which keys?}}") });
    const anki = note.map((c, i) => ({ ...c, siblingKey: "anki-0123456789abcdef", externalId: `anki-0123456789abcdef:${i}` }));
    expect(draftOfNote(anki)).toMatchObject({ kind: "cloze" });
    expect(draftOfNote(note.map((c) => ({ ...c, back: `${c.back}\n\nan extra` })))).toBeNull();
  });

  it("prefers a live card's note over an archived card's older one", () => {
    const cards = parseModuleSource({ manifest: { slug: "n", title: "N" }, files: [{ name: "n.md", text: NOTES }] }).cards;
    const [c1, c2] = cards.filter((c) => c.siblingKey === "mask-rows");
    if (!c1 || !c2) throw new Error("the note has two cards");
    const older = { ...c1, noteSource: c1.noteSource?.replace("lower", "upper") ?? null, archivedAt: new Date("2026-01-01T00:00:00Z") };
    expect(draftOfNote([older, { ...c2, archivedAt: null }])).toMatchObject({ text: expect.stringContaining("{{c1::lower}}") });
  });
});
