// Packages built to hurt: each must be refused with its own AnkiPackageError
// and a clear message, and nothing partial returned.
import { zipSync } from "fflate";
import { describe, expect, it } from "vitest";
import { AnkiPackageError, type AnkiPackageProblem } from "@/lib/anki/errors";
import { encodeMediaEntries, encodePackageMetadata } from "@/lib/anki/anki-proto";
import { readAnkiPackage, type ReadAnkiOptions } from "@/lib/anki/read-package";
import { writeAnkiPackage, writeCollectionSchema11 } from "@/lib/anki/write-package";
import { sqlJs } from "@/lib/anki/sqlite";
import { writeLatestPackage, zstd } from "./support/build-latest";
import { sampleCollection, T0 } from "./support/sample-collection";
import { declareSize } from "./support/zip-surgery";

const now = new Date(T0);
const MIB = 1024 * 1024;
const small: ReadAnkiOptions = { limits: { totalBytes: 4 * MIB, entryBytes: 2 * MIB, entries: 100 } };
const zeros = (n: number) => new Uint8Array(n);

async function legacyWithVersion(version: number): Promise<Uint8Array> {
  const SQL = await sqlJs();
  const db = new SQL.Database(await writeCollectionSchema11(sampleCollection(), now));
  db.run("UPDATE col SET ver = ?", [version]);
  const bytes = db.export();
  db.close();
  return zipSync({ "collection.anki2": bytes, media: new TextEncoder().encode("{}") });
}

type Case = { name: string; problem: AnkiPackageProblem; message: RegExp; build: () => Promise<Uint8Array>; options?: ReadAnkiOptions };

const CASES: Case[] = [
  { name: "random bytes", problem: "NOT_A_ZIP", message: /not a zip/, build: async () => new TextEncoder().encode("this is not a zip at all") },
  { name: "empty file", problem: "NOT_A_ZIP", message: /not a zip/, build: async () => new Uint8Array() },
  {
    name: "truncated archive (first half)",
    problem: "NOT_A_ZIP",
    message: /not a zip/,
    build: async () => {
      const full = await writeAnkiPackage(sampleCollection(), now);
      return full.subarray(0, Math.floor(full.length / 2));
    },
  },
  {
    name: "collection bytes damaged inside the archive",
    problem: "CORRUPT",
    message: /fails its checksum/,
    build: async () => {
      const bytes = zipSync({ "collection.anki2": [await writeCollectionSchema11(sampleCollection(), now), { level: 0 }] });
      for (let i = 200; i < 2000; i += 1) bytes[i] = 0x55;
      return bytes;
    },
  },
  {
    name: "zip bomb with honest headers (one member over the cap)",
    problem: "TOO_LARGE",
    message: /declares/,
    options: small,
    build: async () => zipSync({ "collection.anki2": zeros(3 * MIB) }),
  },
  {
    name: "zip bomb whose header lies about its size",
    problem: "TOO_LARGE",
    message: /inflates past its declared size/,
    options: small,
    build: async () => declareSize(zipSync({ "collection.anki2": zeros(3 * MIB) }), "collection.anki2", 1000),
  },
  {
    name: "many members adding up past the total cap",
    problem: "TOO_LARGE",
    message: /more than allowed|more than 4 MiB/,
    options: small,
    build: async () => zipSync({ "collection.anki2": zeros(MIB), "0": zeros(1.5 * MIB), "1": zeros(1.5 * MIB), "2": zeros(1.5 * MIB) }),
  },
  {
    name: "too many members",
    problem: "TOO_LARGE",
    message: /members; at most 100/,
    options: small,
    build: async () => zipSync(Object.fromEntries(Array.from({ length: 101 }, (_, i) => [String(i), zeros(1)]))),
  },
  {
    name: "zstd bomb in collection.anki21b",
    problem: "TOO_LARGE",
    message: /unpacks to more than 2 MiB/,
    options: small,
    build: async () => zipSync({ meta: encodePackageMetadata({ version: 3 }), "collection.anki21b": await zstd(zeros(3 * MIB)) }),
  },
  {
    name: "zstd collection that decompresses to garbage",
    problem: "CORRUPT",
    message: /not a readable SQLite|not an Anki collection|cannot be read/,
    build: async () =>
      zipSync({
        meta: encodePackageMetadata({ version: 3 }),
        "collection.anki21b": await zstd(new TextEncoder().encode("SQLite format 3\u0000".padEnd(8192, "x"))),
      }),
  },
  {
    name: "truncated zstd collection",
    problem: "CORRUPT",
    message: /not valid zstd|damaged/,
    build: async () => {
      const col = await zstd(await writeCollectionSchema11(sampleCollection(), now));
      return zipSync({ meta: encodePackageMetadata({ version: 3 }), "collection.anki21b": col.subarray(0, col.length - 40) });
    },
  },
  {
    name: "member named ../../x",
    problem: "UNSAFE_MEMBER_NAME",
    message: /unsafe name/,
    build: async () => zipSync({ "../../x": zeros(4), "collection.anki2": zeros(4) }),
  },
  { name: "member with an absolute path", problem: "UNSAFE_MEMBER_NAME", message: /unsafe name/, build: async () => zipSync({ "/etc/passwd": zeros(4) }) },
  { name: "member with a backslash path", problem: "UNSAFE_MEMBER_NAME", message: /unsafe name/, build: async () => zipSync({ "..\\..\\x": zeros(4) }) },
  {
    name: "media map naming ../evil.png",
    problem: "UNSAFE_MEMBER_NAME",
    message: /unsafe file/,
    build: async () =>
      zipSync({
        "collection.anki2": await writeCollectionSchema11(sampleCollection(), now),
        media: new TextEncoder().encode('{"0":"../evil.png"}'),
        "0": zeros(4),
      }),
  },
  {
    name: "legacy media map pointing at a missing file",
    problem: "MISSING_MEDIA",
    message: /does not hold \(cat.png\)/,
    build: async () =>
      zipSync({ "collection.anki2": await writeCollectionSchema11(sampleCollection(), now), media: new TextEncoder().encode('{"0":"cat.png"}') }),
  },
  {
    name: "current media list pointing at a missing file",
    problem: "MISSING_MEDIA",
    message: /does not hold \(neko.mp3\)/,
    build: () => writeLatestPackage(sampleCollection(), now, { dropMember: "1" }),
  },
  {
    name: "media list that is not protobuf",
    problem: "CORRUPT",
    message: /Media list is not readable/,
    build: async () =>
      writeLatestPackage(sampleCollection(), now, { extraMembers: { media: [await zstd(new Uint8Array([0xff, 0xff, 0xff, 0xff])), { level: 0 }] } }),
  },
  {
    name: "no collection inside",
    problem: "NO_COLLECTION",
    message: /holds no collection.anki2/,
    build: async () => zipSync({ media: new TextEncoder().encode("{}") }),
  },
  {
    name: "collection that is not SQLite",
    problem: "CORRUPT",
    message: /not a readable SQLite|not an Anki collection/,
    build: async () => zipSync({ "collection.anki2": new TextEncoder().encode("hello") }),
  },
  {
    name: "collection of schema 19",
    problem: "UNKNOWN_SCHEMA",
    message: /schema version 19; only versions 11, 15, 16, 17, 18/,
    build: () => writeLatestPackage(sampleCollection(), now, { version: 19 }),
  },
  { name: "collection of schema 10", problem: "UNKNOWN_SCHEMA", message: /schema version 10/, build: () => legacyWithVersion(10) },
  {
    name: "package meta from a newer Anki",
    problem: "UNKNOWN_PACKAGE_VERSION",
    message: /newer Anki/,
    build: () => writeLatestPackage(sampleCollection(), now, { extraMembers: { meta: encodePackageMetadata({ version: 4 }) } }),
  },
];

describe("readAnkiPackage refuses hostile packages", () => {
  it.each(CASES)("$name → $problem", async ({ build, problem, message, options }) => {
    const bytes = await build();
    const error = await readAnkiPackage(bytes, options).then(
      () => null,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(AnkiPackageError);
    expect(error).toMatchObject({ problem });
    const text = (error as AnkiPackageError).message;
    expect(text).toMatch(message);
    expect(text.length).toBeLessThanOrEqual(300);
  });

  it("keeps the media list's protobuf honest: a valid list of a missing member names it", async () => {
    const list = await zstd(encodeMediaEntries({ entries: [{ name: "ghost.png", size: 1, sha1: new Uint8Array(20) }] }));
    const bytes = await writeLatestPackage(sampleCollection(), now, { extraMembers: { media: [list, { level: 0 }] } });
    // Member "0" exists (the sample's first media file), so the list is satisfied and renamed.
    const read = await readAnkiPackage(bytes);
    expect(read.media.map((m) => m.name)).toEqual(["ghost.png"]);
  });
});
