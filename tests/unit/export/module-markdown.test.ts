import { describe, expect, it } from "vitest";
import { contentHash } from "@/lib/content/ids";
import { recoverClozeNote, renderCloze } from "@/lib/content/cloze";
import { cardContent, parseModuleSource } from "@/lib/content/parse-module";
import { moduleMarkdown, type ExportCard } from "@/lib/export/module-markdown";
import { CardDraftSchema } from "@/lib/cards/card-draft";
import { cardsOfNote } from "@/lib/cards/note-cards";

const manifest = { slug: "notes", title: "Notes" };

/** Cards as the module parser makes them from `text`, with no note text kept (as an import stores them). */
function cardsOf(text: string): ExportCard[] {
  return parseModuleSource({ manifest, files: [{ name: "in.md", text }] }).cards.map((c) => ({ ...c, noteSource: null }));
}

function roundTrip(cards: readonly ExportCard[]) {
  const written = moduleMarkdown(cards, []);
  const read = parseModuleSource({ manifest: { ...manifest, files: written.files.map((f) => f.name) }, files: written.files });
  return { written, read };
}

const fingerprint = (c: Parameters<typeof cardContent>[0] & { externalId: string }) => [c.externalId, contentHash(cardContent(c))];

describe("moduleMarkdown", () => {
  const cases: { name: string; text: string }[] = [
    {
      name: "a question with a multi-paragraph answer, a list and code",
      text: "Q: Why?\nA: Because.\n\n  More:\n  - one\n  - two\n\n  ```py\n  x = 1\n  ```\n",
    },
    {
      name: "an interview question with its wrong answer and key points",
      text: "## Interview\n\nQ: Why scale? [hard]\nA: Saturation.\nCommon wrong answer to avoid: Speed.\nKey points:\n- variance\n- gradients\n",
    },
    { name: "a reversed note", text: "# Norms\n\nRMSNorm :: Divides by the RMS. [easy] [tags: norm]\n" },
    {
      name: "a cloze note with a hint and literal brackets",
      text: "For x = [3, 4] the rms is {{c1::$\\sqrt{12.5}$::value}} and the output {{c2::≈ [0.85, 1.13]}}.\n",
    },
    { name: "an exercise line", text: "Exercise: LayerNorm by hand. [exercise: layernorm-by-hand] [easy]\n" },
    { name: "topics that nest, go back up, and end with no topic", text: "# A\n\n## B\n\nQ: one?\nA: 1\n\n# C\n\nQ: two?\nA: 2\n" },
  ];
  for (const c of cases) {
    it(`gives back the same ids and content: ${c.name}`, () => {
      const cards = cardsOf(c.text);
      expect(cards.length).toBeGreaterThan(0);
      const { written, read } = roundTrip(cards);
      expect(written.approximated).toEqual([]);
      expect(read.skipped).toEqual([]);
      expect(read.cards.map(fingerprint)).toEqual(cards.map(fingerprint));
    });
  }

  it("starts a new file when a card with no topic follows one with a topic", () => {
    const cards = [...cardsOf("# A\n\nQ: one?\nA: 1\n"), ...cardsOf("Q: two?\nA: 2\n")];
    const { written, read } = roundTrip(cards);
    expect(written.files.length).toBe(2);
    expect(read.cards.map((c) => c.topic)).toEqual(["A", ""]);
  });
});

describe("moduleMarkdown writes a cloze note from its recorded note", () => {
  const written = (key: string, value: unknown): ExportCard[] =>
    cardsOfNote(key, CardDraftSchema.parse(value)).map(({ contentHash: _hash, ...c }) => ({ ...c, exerciseSlug: null }));
  const TEXT = "Keys: {{c1::$K$}} and {{c2::values::what else?}} are [cached]. [sic]";

  it.each([
    { name: "written in the editor", key: "e-0f8c2a4e-7c1d-4c39-9d1a-3b2f6f0c9e11", ids: [":c1", ":c2"] },
    { name: "imported from Anki: its ordinals come back", key: "anki-0123456789abcdef", ids: [":0", ":1"] },
  ])("$name: the text under its key, read back to the same cards and note", ({ key, ids }) => {
    const cards = written(key, { kind: "cloze", text: TEXT, topic: "Cache", tags: ["kv"], difficulty: "EASY" });
    const { written: out, read } = roundTrip(cards);
    expect(out.approximated).toEqual([]);
    expect(out.files[0]?.text).toContain(`${TEXT} [easy] [tags: kv] {#${key}}`);
    expect(read.cards.map((c) => c.externalId)).toEqual(ids.map((id) => `${key}${id}`));
    expect(read.cards.map(fingerprint)).toEqual(cards.map(fingerprint));
    expect(read.cards.map((c) => c.noteSource)).toEqual(cards.map((c) => c.noteSource));
  });

  it("writes a note with an extra, which the format cannot hold, as one question per gap", () => {
    const cards = written("anki-0123456789abcdef", { kind: "cloze", text: TEXT, extra: "From the KV-cache notes." });
    const { written: out } = roundTrip(cards);
    expect(out.approximated).toEqual(["anki-0123456789abcdef"]);
    expect(out.files[0]?.text).not.toContain("{{c1::");
  });
});

describe("recoverClozeNote", () => {
  const notes = [
    "The mask is {{c1::lower}}-triangular: row i keeps {{c2::j ≤ i}}.",
    "{{c1::Pre-norm}} keeps the {{c1::shortcut}} clean; {{c2::post-norm::which?}} does not.",
    "$x = {{c1::2}}$ and y = [1, 2]",
  ];
  for (const note of notes) {
    it(`recovers ${JSON.stringify(note)}`, () => {
      const ns = [...new Set([...note.matchAll(/\{\{c(\d+)::/g)].map((m) => Number(m[1])))];
      expect(recoverClozeNote(ns.map((n) => ({ n, ...renderCloze(note, n) })))).toBe(note);
    });
  }

  it("gives null for faces that no cloze note renders", () => {
    expect(recoverClozeNote([{ n: 1, front: "a [hint] b", back: "a c" }])).toBeNull();
  });
});
