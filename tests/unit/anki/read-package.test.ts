// Packages in every layout Anki exports, built here with a real SQLite and a
// real zstd, read back through readAnkiPackage.
import { zipSync } from "fflate";
import { describe, expect, it } from "vitest";
import { readAnkiPackage } from "@/lib/anki/read-package";
import { writeAnkiPackage, writeCollectionSchema11 } from "@/lib/anki/write-package";
import { writeLatestPackage } from "./support/build-latest";
import { sampleCollection, T0 } from "./support/sample-collection";
import { defined } from "../../support/defined";

const now = new Date(T0);

const LAYOUTS = [
  { name: "legacy collection.anki2 (schema 11, JSON media map)", version: "LEGACY_1", schema: 11, build: () => writeAnkiPackage(sampleCollection(), now) },
  {
    name: "legacy collection.anki21 (schema 11, no meta)",
    version: "LEGACY_2",
    schema: 11,
    build: async () => {
      const input = sampleCollection();
      const col = await writeCollectionSchema11(input, now);
      const map = JSON.stringify(Object.fromEntries(input.media.map((m, i) => [String(i), m.name])));
      return zipSync({
        "collection.anki21": col,
        "collection.anki2": col,
        media: new TextEncoder().encode(map),
        "0": defined(input.media[0]).bytes,
        "1": defined(input.media[1]).bytes,
      });
    },
  },
  {
    name: "current collection.anki21b (schema 18, zstd, protobuf media list)",
    version: "LATEST",
    schema: 18,
    build: () => writeLatestPackage(sampleCollection(), now),
  },
  {
    name: "current layout holding a schema 15 collection",
    version: "LATEST",
    schema: 15,
    build: () => writeLatestPackage(sampleCollection(), now, { version: 15 }),
  },
] as const;

describe.each(LAYOUTS)("readAnkiPackage: $name", ({ version, schema, build }) => {
  it("reads notes, cards with history, decks, note types and media", async () => {
    const input = sampleCollection();
    const read = await readAnkiPackage(await build());
    expect(read.packageVersion).toBe(version);
    expect(read.schemaVersion).toBe(schema);
    expect(read.notes).toEqual(input.notes);
    expect(read.cards).toEqual(input.cards);
    expect(read.noteTypes.sort((a, b) => a.id - b.id)).toEqual(input.noteTypes);
    expect(read.decks.sort((a, b) => a.id - b.id)).toEqual([...input.decks].sort((a, b) => a.id - b.id));
    expect(read.media).toEqual(input.media);
  });

  it("keeps Anki's flags: suspended (-1) and buried (-2)", async () => {
    const read = await readAnkiPackage(await build());
    const byId = new Map(read.cards.map((c) => [c.id, c]));
    expect(byId.get(202)).toMatchObject({ queue: -1, suspended: true, buried: false });
    expect(byId.get(301)).toMatchObject({ queue: -2, suspended: false, buried: true });
  });
});

describe("readAnkiPackage: media types", () => {
  it("sniffs each file's type from its bytes, not its name", async () => {
    const input = sampleCollection();
    input.media = [{ name: "looks-like.mp3", bytes: defined(input.media[0]).bytes, type: "image/png" }];
    const read = await readAnkiPackage(await writeAnkiPackage(input, now));
    expect(read.media[0]).toMatchObject({ name: "looks-like.mp3", type: "image/png" });
  });
});
