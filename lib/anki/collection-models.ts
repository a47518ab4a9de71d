// Note types and decks, the part of a collection whose storage changed with
// the schema: schema 11 keeps them as JSON in the `col` row, schema 15–18 in
// tables of their own with protobuf config blobs.
import type { Database } from "sql.js";
import { z } from "zod";
import { decodeDeckKind, decodeNotetypeConfig, decodeTemplateConfig } from "./anki-proto";
import { AnkiPackageError, causeText } from "./errors";
import type { AnkiDeck, AnkiNoteType } from "./schemas";
import { forEachRow, type Row } from "./sqlite";

export type CollectionModels = { noteTypes: AnkiNoteType[]; decks: AnkiDeck[] };

const Schema11Model = z.object({
  id: z.coerce.number().int(),
  name: z.string(),
  type: z.number().int().default(0),
  flds: z.array(z.object({ name: z.string(), ord: z.number().int().min(0) })),
  tmpls: z.array(z.object({ name: z.string(), ord: z.number().int().min(0), qfmt: z.string(), afmt: z.string() })),
});
const Schema11Deck = z.object({ id: z.coerce.number().int(), name: z.string().min(1), dyn: z.coerce.number().int().default(0) });

function corrupt(what: string, error: unknown): AnkiPackageError {
  return new AnkiPackageError("CORRUPT", `Collection's ${what} cannot be read: ${causeText(error)}`);
}

function jsonValues<T>(text: string, schema: z.ZodType<T>, what: string): T[] {
  try {
    const parsed = z.record(z.string(), z.unknown()).parse(JSON.parse(text));
    return Object.values(parsed).map((value) => schema.parse(value));
  } catch (error) {
    throw corrupt(what, error);
  }
}

/** A deck from its full `::`-separated name. */
export function deckOf(id: number, name: string, filtered: boolean): AnkiDeck {
  const path = name.split("::").map((part) => part.trim());
  return { id, name: path.join("::"), path, filtered };
}

/** Note types and decks of a schema 11 collection, from `col.models` and `col.decks`. */
export function readSchema11Models(col: Row): CollectionModels {
  const noteTypes = jsonValues(String(col.models ?? "{}"), Schema11Model, "note types").map(
    (m): AnkiNoteType => ({
      id: m.id,
      name: m.name,
      kind: m.type === 1 ? "CLOZE" : "NORMAL",
      fields: [...m.flds].sort((a, b) => a.ord - b.ord).map((f) => f.name),
      templates: [...m.tmpls].sort((a, b) => a.ord - b.ord).map((t) => ({ ordinal: t.ord, name: t.name, question: t.qfmt, answer: t.afmt })),
    }),
  );
  const decks = jsonValues(String(col.decks ?? "{}"), Schema11Deck, "decks").map((d) => deckOf(d.id, d.name, d.dyn !== 0));
  return { noteTypes, decks };
}

const blob = (value: unknown): Uint8Array => (value instanceof Uint8Array ? value : new Uint8Array());

/** Note types and decks of a schema 15–18 collection, from their tables. */
export function readTableModels(db: Database): CollectionModels {
  try {
    const fields = new Map<number, string[]>();
    forEachRow(db, "SELECT ntid, name FROM fields ORDER BY ntid, ord", (row) => {
      const id = Number(row.ntid);
      fields.set(id, [...(fields.get(id) ?? []), String(row.name)]);
    });
    const templates = new Map<number, AnkiNoteType["templates"]>();
    forEachRow(db, "SELECT ntid, ord, name, config FROM templates ORDER BY ntid, ord", (row) => {
      const id = Number(row.ntid);
      const config = decodeTemplateConfig(blob(row.config));
      const template = { ordinal: Number(row.ord), name: String(row.name), question: String(config.qFormat ?? ""), answer: String(config.aFormat ?? "") };
      templates.set(id, [...(templates.get(id) ?? []), template]);
    });
    const noteTypes: AnkiNoteType[] = [];
    forEachRow(db, "SELECT id, name, config FROM notetypes ORDER BY id", (row) => {
      const id = Number(row.id);
      const config = decodeNotetypeConfig(blob(row.config));
      noteTypes.push({
        id,
        name: String(row.name),
        kind: config.kind === 1 ? "CLOZE" : "NORMAL",
        fields: fields.get(id) ?? [],
        templates: templates.get(id) ?? [],
      });
    });
    const decks: AnkiDeck[] = [];
    forEachRow(db, "SELECT id, name, kind FROM decks ORDER BY id", (row) => {
      const kind = decodeDeckKind(blob(row.kind));
      decks.push(deckOf(Number(row.id), String(row.name).split("\x1f").join("::"), kind.filtered !== undefined));
    });
    return { noteTypes, decks };
  } catch (error) {
    throw corrupt("note types or decks", error);
  }
}
