import { describe, expect, it } from "vitest";
import { contentHash } from "@/lib/content/ids";
import { recoverClozeNote, renderCloze } from "@/lib/content/cloze";
import { cardContent, parseModuleSource } from "@/lib/content/parse-module";
import { moduleMarkdown, type ExportCard } from "@/lib/export/module-markdown";

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
