// The package's media list: which zip member holds which media file. Legacy
// packages map member numbers to names in JSON ({"0": "cat.png"}); current
// ones list MediaEntries in protobuf, member i being entry i (or its legacy
// number), each member zstd-compressed.
import { z } from "zod";
import { decodeMediaEntries } from "./anki-proto";
import { AnkiPackageError, causeText } from "./errors";
import { MAX_ENTRIES, MAX_MEDIA_NAME } from "./limits";
import { isBareFileName } from "./media-name";

/** One media file: the zip member that holds it and its name in the notes. */
export type MediaRef = { member: string; name: string };

function checkName(name: string): string {
  const safe = name.length <= MAX_MEDIA_NAME && isBareFileName(name);
  if (!safe) throw new AnkiPackageError("UNSAFE_MEMBER_NAME", `Media list names an unsafe file ${JSON.stringify(name.slice(0, 60))}`);
  return name.normalize("NFC");
}

function unique(refs: MediaRef[]): MediaRef[] {
  if (refs.length > MAX_ENTRIES) throw new AnkiPackageError("TOO_LARGE", `Media list has ${refs.length} files; at most ${MAX_ENTRIES}`);
  const names = new Set<string>();
  for (const ref of refs) {
    if (names.has(ref.name)) throw new AnkiPackageError("CORRUPT", `Media list names ${ref.name} twice`);
    names.add(ref.name);
  }
  return refs;
}

const LegacyMap = z.record(z.string().regex(/^\d{1,9}$/), z.string());

/** The legacy JSON media map. */
export function parseLegacyMediaMap(bytes: Uint8Array): MediaRef[] {
  let map: z.infer<typeof LegacyMap>;
  try {
    map = LegacyMap.parse(JSON.parse(new TextDecoder("utf-8", { fatal: true }).decode(bytes)));
  } catch (error) {
    throw new AnkiPackageError("CORRUPT", `Media list is not readable: ${causeText(error)}`);
  }
  return unique(Object.entries(map).map(([member, name]) => ({ member: String(Number(member)), name: checkName(name) })));
}

const Entries = z.object({
  entries: z.array(z.object({ name: z.string(), legacyZipFilename: z.number().int().min(0).optional() })).default([]),
});

/** The current protobuf media list (already decompressed). */
export function parseMediaEntries(bytes: Uint8Array): MediaRef[] {
  let entries: z.infer<typeof Entries>["entries"];
  try {
    entries = Entries.parse(decodeMediaEntries(bytes)).entries;
  } catch (error) {
    throw new AnkiPackageError("CORRUPT", `Media list is not readable: ${causeText(error)}`);
  }
  return unique(entries.map((e, i) => ({ member: String(e.legacyZipFilename ?? i), name: checkName(e.name) })));
}
