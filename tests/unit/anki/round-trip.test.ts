import { describe, expect, it } from "vitest";
import { readAnkiPackage } from "@/lib/anki/read-package";
import { writeAnkiPackage } from "@/lib/anki/write-package";
import { sampleCollection, T0 } from "./support/sample-collection";

describe("writeAnkiPackage → readAnkiPackage", () => {
  it("gives back the same decks, note types, notes, cards, history and media", async () => {
    const input = sampleCollection();
    const bytes = await writeAnkiPackage(input, new Date(T0));
    const read = await readAnkiPackage(bytes);
    expect(read.packageVersion).toBe("LEGACY_1");
    expect(read.schemaVersion).toBe(11);
    expect(read.notes).toEqual(input.notes);
    expect(read.cards).toEqual(input.cards);
    expect(read.noteTypes).toEqual(input.noteTypes);
    expect(read.decks.sort((a, b) => a.id - b.id)).toEqual([...input.decks].sort((a, b) => a.id - b.id));
    expect(read.media).toEqual(input.media);
  });
});
