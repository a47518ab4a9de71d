// Reads an Anki collection (SQLite bytes) into the neutral shapes of
// schemas.ts: notes, cards with their review history, decks, note types.
import type { Database } from "sql.js";
import { readSchema11Models, readTableModels, type CollectionModels } from "./collection-models";
import { AnkiPackageError, causeText } from "./errors";
import { MAX_CARDS, MAX_NOTES, MAX_REVLOG_ROWS } from "./limits";
import { REVLOG_KINDS, type AnkiCard, type AnkiNote, type AnkiReview } from "./schemas";
import { timeSlice, type TimeSlice } from "../event-loop/yield";
import { forEachRow, forEachRowSliced, openDatabase, tableNames, type Row } from "./sqlite";

/** Collection schema versions we read: 11 (JSON models in `col`) and 15–18 (model tables). */
export const KNOWN_SCHEMA_VERSIONS = [11, 15, 16, 17, 18] as const;

export type CollectionContent = CollectionModels & { schemaVersion: number; notes: AnkiNote[]; cards: AnkiCard[] };

const REQUIRED_TABLES = ["col", "notes", "cards", "revlog"];
const MODEL_TABLES = ["notetypes", "fields", "templates", "decks"];

function int(value: unknown, what: string): number {
  const n = typeof value === "bigint" ? Number(value) : value;
  if (typeof n !== "number" || !Number.isSafeInteger(n)) throw new AnkiPackageError("CORRUPT", `Collection has a bad ${what}`);
  return n;
}

function text(value: unknown): string {
  return typeof value === "string" ? value : value === null || value === undefined ? "" : String(value);
}

function count(db: Database, table: string, max: number, what: string): void {
  let n = 0;
  forEachRow(db, `SELECT count(*) AS n FROM ${table}`, (row) => (n = Number(row.n)));
  if (n > max) throw new AnkiPackageError("TOO_LARGE", `Collection has ${n} ${what}; at most ${max} are read`);
}

function colRow(db: Database): Row {
  let col: Row | undefined;
  forEachRow(db, "SELECT * FROM col LIMIT 1", (row) => (col = row));
  if (!col) throw new AnkiPackageError("CORRUPT", "Collection has no `col` row");
  return col;
}

function readModels(db: Database, tables: Set<string>, version: number, col: Row): CollectionModels {
  if (version === 11) return readSchema11Models(col);
  const missing = MODEL_TABLES.filter((t) => !tables.has(t));
  if (missing.length) throw new AnkiPackageError("CORRUPT", `Collection (schema ${version}) lacks tables ${missing.join(", ")}`);
  return readTableModels(db);
}

async function readNotes(db: Database, pause: TimeSlice): Promise<AnkiNote[]> {
  const notes: AnkiNote[] = [];
  await forEachRowSliced(db, "SELECT id, guid, mid, tags, flds FROM notes ORDER BY id", pause, (row) => {
    notes.push({
      id: int(row.id, "note id"),
      guid: text(row.guid) || `nid${text(row.id)}`,
      noteTypeId: int(row.mid, "note type id"),
      fields: text(row.flds).split("\x1f"),
      tags: text(row.tags).split(/\s+/).filter(Boolean),
    });
  });
  return notes;
}

function reviewOf(row: Row): AnkiReview | null {
  const ease = int(row.ease, "review rating");
  const type = int(row.type, "review type");
  if (ease < 0 || ease > 4) return null;
  return {
    id: int(row.id, "review id"),
    ease,
    interval: int(row.ivl, "review interval"),
    lastInterval: int(row.lastIvl, "review interval"),
    factor: int(row.factor, "review factor"),
    timeMs: Math.max(0, int(row.time, "review time")),
    // Anki reads an unknown type as a learning step; so do we.
    kind: REVLOG_KINDS[type] ?? "LEARN",
  };
}

async function readHistories(db: Database, pause: TimeSlice): Promise<Map<number, AnkiReview[]>> {
  const byCard = new Map<number, AnkiReview[]>();
  await forEachRowSliced(db, "SELECT id, cid, ease, ivl, lastIvl, factor, time, type FROM revlog ORDER BY cid, id", pause, (row) => {
    const review = reviewOf(row);
    if (!review) return;
    const cardId = int(row.cid, "review card id");
    const list = byCard.get(cardId);
    if (list) list.push(review);
    else byCard.set(cardId, [review]);
  });
  return byCard;
}

async function readCards(db: Database, histories: Map<number, AnkiReview[]>, pause: TimeSlice): Promise<AnkiCard[]> {
  const cards: AnkiCard[] = [];
  await forEachRowSliced(db, "SELECT id, nid, did, odid, ord, type, queue, due FROM cards ORDER BY nid, ord, id", pause, (row) => {
    const id = int(row.id, "card id");
    const queue = int(row.queue, "card queue");
    const originalDeck = int(row.odid, "card deck");
    cards.push({
      id,
      noteId: int(row.nid, "card note id"),
      deckId: originalDeck !== 0 ? originalDeck : int(row.did, "card deck"),
      ordinal: Math.max(0, int(row.ord, "card ordinal")),
      type: int(row.type, "card type"),
      queue,
      suspended: queue === -1,
      buried: queue === -2 || queue === -3,
      due: int(row.due, "card due"),
      history: histories.get(id) ?? [],
    });
  });
  return cards;
}

/**
 * Reads collection bytes. Throws AnkiPackageError: CORRUPT (not SQLite, tables
 * or values missing or malformed), UNKNOWN_SCHEMA (a `col.ver` we do not know),
 * TOO_LARGE (more than MAX_NOTES notes, MAX_CARDS cards or MAX_REVLOG_ROWS reviews).
 */
export async function readCollection(bytes: Uint8Array, name: string): Promise<CollectionContent> {
  const db = await openDatabase(bytes, name);
  try {
    const tables = tableNames(db);
    const missing = REQUIRED_TABLES.filter((t) => !tables.has(t));
    if (missing.length) throw new AnkiPackageError("CORRUPT", `${name} is not an Anki collection (no ${missing.join(", ")} table)`);
    const col = colRow(db);
    const version = int(col.ver, "schema version");
    if (!(KNOWN_SCHEMA_VERSIONS as readonly number[]).includes(version)) {
      throw new AnkiPackageError(
        "UNKNOWN_SCHEMA",
        `This collection uses Anki schema version ${version}; only versions ${KNOWN_SCHEMA_VERSIONS.join(", ")} can be read. Export it again from a current Anki.`,
      );
    }
    count(db, "notes", MAX_NOTES, "notes");
    count(db, "cards", MAX_CARDS, "cards");
    count(db, "revlog", MAX_REVLOG_ROWS, "review-log rows");
    const models = readModels(db, tables, version, col);
    // The big tables are read in slices: the event loop gets a turn every ~20 ms.
    const pause = timeSlice();
    const histories = await readHistories(db, pause);
    const notes = await readNotes(db, pause);
    return { schemaVersion: version, ...models, notes, cards: await readCards(db, histories, pause) };
  } catch (error) {
    if (error instanceof AnkiPackageError) throw error;
    throw new AnkiPackageError("CORRUPT", `${name} cannot be read: ${causeText(error)}`);
  } finally {
    db.close();
  }
}
