// Writes an `.apkg` in Anki's legacy layout (collection.anki2 in schema 11,
// a JSON media map, media files named 0, 1, 2, …), the layout every Anki
// version imports. Pure apart from the WebAssembly SQLite it builds with.
import { createHash } from "node:crypto";
import { zipSync, type Zippable } from "fflate";
import { SCHEMA11_SQL } from "./schema11.sql";
import { decksJson, modelsJson } from "./schema11-json";
import { REVLOG_KINDS, type AnkiCard, type AnkiCollection } from "./schemas";
import { sqlJs } from "./sqlite";

/** What a package holds; the reader's AnkiCollection without its format details. */
export type AnkiPackageInput = Pick<AnkiCollection, "decks" | "noteTypes" | "notes" | "cards" | "media">;

// Anki's sort-field checksum: the first 8 hex digits of the SHA-1 of the
// field with its HTML stripped, as an integer.
function stripHtml(html: string): string {
  return html
    .replace(/<[^>]*>/g, "")
    .replace(/&nbsp;/g, " ")
    .trim();
}

function checksum(field: string): number {
  return parseInt(createHash("sha1").update(stripHtml(field), "utf8").digest("hex").slice(0, 8), 16);
}

function cardTotals(card: AnkiCard) {
  const rated = card.history.filter((r) => r.ease > 0);
  const last = rated.at(-1);
  return {
    ivl: last && last.interval > 0 ? last.interval : 0,
    factor: last?.factor ?? 0,
    reps: rated.length,
    lapses: rated.filter((r) => r.kind === "REVIEW" && r.ease === 1).length,
  };
}

/**
 * The bytes of a schema 11 collection (collection.anki2) holding `input`.
 * `now` dates the collection and every row's modification time.
 */
export async function writeCollectionSchema11(input: AnkiPackageInput, now: Date): Promise<Uint8Array> {
  const SQL = await sqlJs();
  const db = new SQL.Database();
  try {
    const secs = Math.floor(now.getTime() / 1000);
    db.exec(SCHEMA11_SQL);
    const firstDeck = input.decks[0]?.id ?? 1;
    db.run("INSERT INTO col VALUES (1, ?, ?, ?, 11, 0, 0, 0, '{}', ?, ?, '{}', '{}')", [
      secs,
      now.getTime(),
      now.getTime(),
      modelsJson(input.noteTypes, firstDeck, secs),
      decksJson(input.decks, secs),
    ]);
    db.exec("BEGIN");
    const note = db.prepare("INSERT INTO notes VALUES (?, ?, ?, ?, -1, ?, ?, ?, ?, 0, '')");
    for (const n of input.notes) {
      const tags = n.tags.length ? ` ${n.tags.join(" ")} ` : "";
      note.run([n.id, n.guid, n.noteTypeId, secs, tags, n.fields.join("\x1f"), stripHtml(n.fields[0] ?? ""), checksum(n.fields[0] ?? "")]);
    }
    note.free();
    const card = db.prepare("INSERT INTO cards VALUES (?, ?, ?, ?, ?, -1, ?, ?, ?, ?, ?, ?, ?, 0, 0, 0, 0, '')");
    const review = db.prepare("INSERT INTO revlog VALUES (?, ?, -1, ?, ?, ?, ?, ?, ?)");
    // Revlog ids are instants in ms and must be unique: two reviews in the same
    // ms (of different cards) are moved apart by 1 ms, as Anki does on import.
    const usedIds = new Set<number>();
    for (const c of input.cards) {
      const t = cardTotals(c);
      card.run([c.id, c.noteId, c.deckId, c.ordinal, secs, c.type, c.queue, c.due, t.ivl, t.factor, t.reps, t.lapses]);
      for (const r of c.history) {
        let id = r.id;
        while (usedIds.has(id)) id += 1;
        usedIds.add(id);
        review.run([id, c.id, r.ease, r.interval, r.lastInterval, r.factor, r.timeMs, REVLOG_KINDS.indexOf(r.kind)]);
      }
    }
    card.free();
    review.free();
    db.exec("COMMIT");
    return db.export();
  } finally {
    db.close();
  }
}

/**
 * An `.apkg` of `input` in Anki's legacy layout: collection.anki2, a `media`
 * map {"0": "name"} and each media file as member "0", "1", …. Deflated.
 */
export async function writeAnkiPackage(input: AnkiPackageInput, now: Date): Promise<Uint8Array> {
  const files: Zippable = { "collection.anki2": await writeCollectionSchema11(input, now) };
  const map: Record<string, string> = {};
  input.media.forEach((m, i) => {
    map[String(i)] = m.name;
    files[String(i)] = m.bytes;
  });
  files.media = new TextEncoder().encode(JSON.stringify(map));
  return zipSync(files, { level: 6, mtime: now });
}
