// Entry point of the reader: `.apkg` / `.colpkg` bytes in, the neutral
// AnkiCollection out, or an AnkiPackageError and nothing else. Everything
// happens in memory, within the caps of limits.ts.
import { decodePackageMetadata } from "./anki-proto";
import { readCollection } from "./collection-read";
import { AnkiPackageError, causeText } from "./errors";
import { parseLegacyMediaMap, parseMediaEntries, type MediaRef } from "./media-map";
import type { AnkiCollection, AnkiMedia } from "./schemas";
import { sniffMediaType } from "./sniff";
import { UnpackBudget, type UnpackLimits } from "./unpack-budget";
import { readZipMembers } from "./zip-reader";
import { unzstd } from "./zstd";

type PackageVersion = AnkiCollection["packageVersion"];

const COLLECTION_FILE: Record<PackageVersion, string> = {
  LEGACY_1: "collection.anki2",
  LEGACY_2: "collection.anki21",
  LATEST: "collection.anki21b",
};

const WANTED = /^(meta|media|collection\.anki2|collection\.anki21|collection\.anki21b|\d{1,9})$/;

function versionOf(members: Map<string, Uint8Array>): PackageVersion {
  const meta = members.get("meta");
  if (!meta) return members.has(COLLECTION_FILE.LEGACY_2) ? "LEGACY_2" : "LEGACY_1";
  let version: unknown;
  try {
    version = decodePackageMetadata(meta).version;
  } catch (error) {
    throw new AnkiPackageError("CORRUPT", `Package metadata is not readable: ${causeText(error)}`);
  }
  if (version === 1) return "LEGACY_1";
  if (version === 2) return "LEGACY_2";
  if (version === 3) return "LATEST";
  throw new AnkiPackageError(
    "UNKNOWN_PACKAGE_VERSION",
    "This package was made by a newer Anki than we can read; export it with “Support older Anki versions” ticked",
  );
}

async function mediaRefs(members: Map<string, Uint8Array>, version: PackageVersion, budget: UnpackBudget): Promise<MediaRef[]> {
  const list = members.get("media");
  if (!list) return [];
  if (version !== "LATEST") return parseLegacyMediaMap(list);
  return parseMediaEntries(await unzstd(list, "media", budget));
}

async function readMedia(members: Map<string, Uint8Array>, version: PackageVersion, budget: UnpackBudget): Promise<AnkiMedia[]> {
  const refs = await mediaRefs(members, version, budget);
  const missing = refs.filter((ref) => !members.has(ref.member));
  if (missing.length) {
    const named = missing
      .slice(0, 3)
      .map((ref) => ref.name)
      .join(", ");
    throw new AnkiPackageError("MISSING_MEDIA", `Media list names ${missing.length} file(s) the package does not hold (${named})`);
  }
  const media: AnkiMedia[] = [];
  for (const ref of refs) {
    const stored = members.get(ref.member) ?? new Uint8Array();
    const bytes = version === "LATEST" ? await unzstd(stored, ref.member, budget) : stored;
    media.push({ name: ref.name, bytes, type: sniffMediaType(bytes) });
  }
  return media;
}

export type ReadAnkiOptions = {
  limits?: UnpackLimits;
  /** Told the steps done of READ_STEPS (unzip, decompress, media, tables) as each ends. */
  onProgress?: (done: number, total: number) => void;
};

/** Steps readAnkiPackage reports through `onProgress`. */
export const READ_STEPS = 4;

/**
 * Reads an Anki package (`.apkg` or `.colpkg`, any layout Anki exports: a
 * legacy collection.anki2 / collection.anki21 with a JSON media map, or the
 * current zstd-compressed collection.anki21b with a protobuf media list).
 *
 * All or nothing: throws AnkiPackageError (NOT_A_ZIP, CORRUPT, TOO_LARGE,
 * UNSAFE_MEMBER_NAME, NO_COLLECTION, UNKNOWN_PACKAGE_VERSION, UNKNOWN_SCHEMA,
 * MISSING_MEDIA) and returns nothing when any part cannot be read. Reads no
 * clock and writes nothing to disk.
 */
export async function readAnkiPackage(bytes: Uint8Array, options: ReadAnkiOptions = {}): Promise<AnkiCollection> {
  const budget = new UnpackBudget(options.limits);
  const step = (done: number) => options.onProgress?.(done, READ_STEPS);
  step(0);
  const members = await readZipMembers(bytes, (name) => WANTED.test(name), budget);
  step(1);
  const version = versionOf(members);
  const file = COLLECTION_FILE[version];
  const stored = members.get(file);
  if (!stored) throw new AnkiPackageError("NO_COLLECTION", `Not an Anki package: it holds no ${file}`);
  const collectionBytes = version === "LATEST" ? await unzstd(stored, file, budget) : stored;
  step(2);
  const media = await readMedia(members, version, budget);
  step(3);
  const content = await readCollection(collectionBytes, file);
  step(4);
  return { packageVersion: version, ...content, media };
}
