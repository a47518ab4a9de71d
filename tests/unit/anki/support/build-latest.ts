// Builds packages in Anki's current layout (collection.anki21b: schema 18,
// zstd-compressed; a protobuf media list; zstd-compressed media; `meta`
// version 3; the dummy collection.anki2 Anki adds for old clients). The
// schema 11 collection from our writer is upgraded in SQL the way Anki's
// schema15/18 upgrades lay out the tables (rslib/src/storage/upgrades/).
import { compress, init } from "@bokuweb/zstd-wasm";
import { zipSync, type Zippable } from "fflate";
import { encodeDeckKind, encodeMediaEntries, encodeNotetypeConfig, encodePackageMetadata, encodeTemplateConfig } from "@/lib/anki/anki-proto";
import { sqlJs } from "@/lib/anki/sqlite";
import { writeCollectionSchema11, type AnkiPackageInput } from "@/lib/anki/write-package";

const SCHEMA18_TABLES = `
CREATE TABLE fields (ntid integer NOT NULL, ord integer NOT NULL, name text NOT NULL, config blob NOT NULL, PRIMARY KEY (ntid, ord)) without rowid;
CREATE TABLE templates (ntid integer NOT NULL, ord integer NOT NULL, name text NOT NULL, mtime_secs integer NOT NULL, usn integer NOT NULL, config blob NOT NULL, PRIMARY KEY (ntid, ord)) without rowid;
CREATE TABLE notetypes (id integer NOT NULL PRIMARY KEY, name text NOT NULL, mtime_secs integer NOT NULL, usn integer NOT NULL, config blob NOT NULL);
CREATE TABLE decks (id integer PRIMARY KEY NOT NULL, name text NOT NULL, mtime_secs integer NOT NULL, usn integer NOT NULL, common blob NOT NULL, kind blob NOT NULL);
CREATE TABLE deck_config (id integer PRIMARY KEY NOT NULL, name text NOT NULL, mtime_secs integer NOT NULL, usn integer NOT NULL, config blob NOT NULL);
CREATE TABLE config (KEY text NOT NULL PRIMARY KEY, usn integer NOT NULL, mtime_secs integer NOT NULL, val blob NOT NULL) without rowid;
CREATE TABLE tags (tag text NOT NULL PRIMARY KEY, usn integer NOT NULL, collapsed boolean NOT NULL, config blob NULL) without rowid;
UPDATE col SET ver = 18, models = '', decks = '', dconf = '', tags = '';
`;

let ready: Promise<void> | undefined;
/** zstd at Anki's level (0 = the library default, 3). */
export async function zstd(bytes: Uint8Array): Promise<Uint8Array> {
  ready ??= init();
  await ready;
  return compress(bytes, 3);
}

/** A schema 18 collection of `input`, with `version` written to col.ver. */
export async function collectionSchema18(input: AnkiPackageInput, now: Date, version = 18): Promise<Uint8Array> {
  const SQL = await sqlJs();
  const db = new SQL.Database(await writeCollectionSchema11(input, now));
  try {
    db.exec(SCHEMA18_TABLES);
    db.run("UPDATE col SET ver = ?", [version]);
    for (const t of input.noteTypes) {
      db.run("INSERT INTO notetypes VALUES (?, ?, 0, -1, ?)", [t.id, t.name, encodeNotetypeConfig({ kind: t.kind === "CLOZE" ? 1 : 0 })]);
      for (const [ord, name] of t.fields.entries()) db.run("INSERT INTO fields VALUES (?, ?, ?, x'')", [t.id, ord, name]);
      for (const tm of t.templates) {
        db.run("INSERT INTO templates VALUES (?, ?, ?, 0, -1, ?)", [
          t.id,
          tm.ordinal,
          tm.name,
          encodeTemplateConfig({ qFormat: tm.question, aFormat: tm.answer }),
        ]);
      }
    }
    for (const d of input.decks) {
      const kind = d.filtered ? { filtered: new Uint8Array([8, 1]) } : { normal: new Uint8Array([8, 1]) };
      db.run("INSERT INTO decks VALUES (?, ?, 0, -1, x'', ?)", [d.id, d.path.join("\x1f"), encodeDeckKind(kind)]);
    }
    return db.export();
  } finally {
    db.close();
  }
}

export type LatestOptions = { version?: number; extraMembers?: Zippable; dropMember?: string };

/** An `.apkg` / `.colpkg` of `input` in Anki's current layout. */
export async function writeLatestPackage(input: AnkiPackageInput, now: Date, options: LatestOptions = {}): Promise<Uint8Array> {
  const dummy = await writeCollectionSchema11({ decks: [], noteTypes: [], notes: [], cards: [], media: [] }, now);
  const files: Zippable = {
    meta: [encodePackageMetadata({ version: 3 }), { level: 0 }],
    "collection.anki21b": [await zstd(await collectionSchema18(input, now, options.version)), { level: 0 }],
    "collection.anki2": [dummy, { level: 0 }],
  };
  for (const [i, m] of input.media.entries()) files[String(i)] = [await zstd(m.bytes), { level: 0 }];
  const entries = input.media.map((m) => ({ name: m.name, size: m.bytes.length, sha1: new Uint8Array(20) }));
  files.media = [await zstd(encodeMediaEntries({ entries })), { level: 0 }];
  Object.assign(files, options.extraMembers ?? {});
  if (options.dropMember) delete files[options.dropMember];
  return zipSync(files, { mtime: now });
}
