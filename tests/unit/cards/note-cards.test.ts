import { describe, expect, it } from "vitest";
import { CardDraftSchema } from "@/lib/cards/card-draft";
import { cardsOfNote, draftOfNote } from "@/lib/cards/note-cards";
import { previewFaces, wrapAsGap } from "@/lib/cards/note-preview";

const draft = (value: unknown) => CardDraftSchema.parse(value);

describe("cardsOfNote", () => {
  it.each([
    { name: "basic", draft: { kind: "basic", front: "Q", back: "A" }, ids: ["k"] },
    { name: "interview", draft: { kind: "interview", front: "Q", back: "A", keyPoints: ["a", "b"] }, ids: ["k"] },
    { name: "reversed", draft: { kind: "reversed", front: "T", back: "D" }, ids: ["k", "k:rev"] },
    { name: "cloze with numbers out of order", draft: { kind: "cloze", text: "{{c3::a}} {{c1::b}} {{c3::c}}" }, ids: ["k:c1", "k:c3"] },
  ])("$name gives the import's external ids, one sibling key", ({ draft: value, ids }) => {
    const cards = cardsOfNote("k", draft(value));
    expect(cards.map((c) => c.externalId)).toEqual(ids);
    expect(new Set(cards.map((c) => c.siblingKey))).toEqual(new Set(["k"]));
  });

  it("hashes content: a changed word changes the hash, the same draft keeps it", () => {
    const a = cardsOfNote("k", draft({ kind: "basic", front: "Q", back: "A" }))[0];
    const b = cardsOfNote("k", draft({ kind: "basic", front: "Q", back: "A" }))[0];
    const c = cardsOfNote("k", draft({ kind: "basic", front: "Q", back: "B" }))[0];
    expect(a?.contentHash).toBe(b?.contentHash);
    expect(a?.contentHash).not.toBe(c?.contentHash);
  });

  it("reopens a note from its recorded draft, and an imported basic card from its columns", () => {
    const written = draft({ kind: "cloze", text: "{{c1::x}}", extra: "why", tags: ["A", "a", "b"] });
    expect(written.tags).toEqual(["a", "b"]);
    expect(draftOfNote(cardsOfNote("k", written))).toEqual(written);
    const imported = {
      externalId: "h-1",
      siblingKey: "h-1",
      kind: "BASIC",
      role: "RECALL",
      front: "Q",
      back: "A",
      commonWrongAnswer: null,
      keyPoints: [],
      topic: "T",
      tags: [],
      difficulty: "EASY" as const,
      noteSource: null,
    };
    expect(draftOfNote([imported])).toEqual({ kind: "basic", front: "Q", back: "A", topic: "T", tags: [], difficulty: "EASY" });
    expect(draftOfNote([{ ...imported, kind: "CLOZE", externalId: "h-1:c1" }])).toBeNull();
  });

  it.each([
    { name: "no gap", text: "plain text", message: "at least one gap" },
    { name: "an unclosed gap", text: "{{c1::open", message: "malformed" },
    { name: "an empty answer", text: "{{c1::}}", message: "empty cloze answer" },
  ])("refuses a cloze with $name", ({ text, message }) => {
    const result = CardDraftSchema.safeParse({ kind: "cloze", text });
    expect(result.success).toBe(false);
    expect(result.error?.issues.map((i) => i.message).join("; ")).toContain(message);
  });
});

describe("the editor's preview and gap button", () => {
  it("previews one face per cloze number, the others' answers shown", () => {
    const { faces } = previewFaces({ kind: "cloze", text: "{{c1::Q}} and {{c2::K}}", extra: "" });
    expect(faces.map((f) => f.front)).toEqual(["[…] and K", "Q and […]"]);
  });

  it("previews both directions of a reversed note", () => {
    expect(previewFaces({ kind: "reversed", front: "T", back: "D" }).faces.map((f) => [f.front, f.back])).toEqual([
      ["T", "D"],
      ["D", "T"],
    ]);
  });

  it("wraps the selection as the next number", () => {
    expect(wrapAsGap("{{c1::a}} b c", 10, 11)).toEqual({ text: "{{c1::a}} {{c2::b}} c", cursor: 19 });
    expect(wrapAsGap("x", 1, 1).text).toBe("x{{c1::answer}}");
  });
});
