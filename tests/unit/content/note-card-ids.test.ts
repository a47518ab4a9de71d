import { describe, expect, it } from "vitest";
import { isAnkiNoteKey, noteCardIds } from "@/lib/content/note-card-ids";

const ANKI = "anki-0123456789abcdef";

describe("noteCardIds", () => {
  it.each([
    { name: "a note from a file or the editor", key: "mask-rows", main: "mask-rows", reverse: "mask-rows:rev", c1: "mask-rows:c1", c3: "mask-rows:c3" },
    { name: "a note from Anki: its ordinals", key: ANKI, main: `${ANKI}:0`, reverse: `${ANKI}:1`, c1: `${ANKI}:0`, c3: `${ANKI}:2` },
  ])("numbers the cards of $name", ({ key, main, reverse, c1, c3 }) => {
    const ids = noteCardIds(key);
    expect([ids.main, ids.reverse, ids.cloze(1), ids.cloze(3)]).toEqual([main, reverse, c1, c3]);
    expect([ids.clozeNumber(c1), ids.clozeNumber(c3)]).toEqual([1, 3]);
  });

  it.each([
    { key: "mask-rows", id: "mask-rows:rev" },
    { key: "mask-rows", id: "mask-rows:c0" },
    { key: "mask-rows", id: "mask-rows:2" },
    { key: "mask-rows", id: "other:c1" },
    { key: "mask-rows", id: "mask-rows-2:c1" },
    { key: ANKI, id: `${ANKI}:c1` },
    { key: ANKI, id: `${ANKI}:x` },
  ])("gives no cloze number for $id of note $key", ({ key, id }) => {
    expect(noteCardIds(key).clozeNumber(id)).toBeNull();
  });

  it("knows an Anki note key by its exact shape", () => {
    expect([ANKI, "anki-0123456789ABCDEF", "anki-0123", "e-0123456789abcdef", `${ANKI}:0`].map(isAnkiNoteKey)).toEqual([true, false, false, false, false]);
  });
});
