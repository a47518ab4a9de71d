// Reads the members of a zip held in memory, bounded: a capped number of
// members, each and all of them capped while they inflate (yauzl also checks
// every member against its declared size), names like `../x` or `/etc/x`
// refused, every member's CRC-32 checked. Nothing is written to disk.
import { crc32 } from "node:zlib";
import yauzl, { type Entry, type ZipFile } from "yauzl";
import { AnkiPackageError, causeText } from "./errors";
import type { UnpackBudget } from "./unpack-budget";

function fail(error: unknown): AnkiPackageError {
  if (error instanceof AnkiPackageError) return error;
  const text = causeText(error);
  if (/absolute path|invalid relative path|invalid characters in fileName/.test(text)) {
    return new AnkiPackageError("UNSAFE_MEMBER_NAME", `Package member has an unsafe name (${text})`);
  }
  if (/too many bytes in the stream/.test(text)) {
    return new AnkiPackageError("TOO_LARGE", "Package member inflates past its declared size (a zip bomb?)");
  }
  if (/end of central directory record signature not found/i.test(text)) {
    return new AnkiPackageError("NOT_A_ZIP", "Not an Anki package: the file is not a zip archive, or it is truncated");
  }
  return new AnkiPackageError("CORRUPT", `Package is damaged: ${text}`);
}

function open(bytes: Uint8Array): Promise<ZipFile> {
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  return new Promise((resolve, reject) => {
    yauzl.fromBuffer(buffer, { lazyEntries: true, validateEntrySizes: true, strictFileNames: true }, (err, zip) => (err ? reject(fail(err)) : resolve(zip)));
  });
}

function readEntry(zip: ZipFile, entry: Entry, budget: UnpackBudget): Promise<Uint8Array> {
  return new Promise((resolve, reject) => {
    zip.openReadStream(entry, (err, stream) => {
      if (err) return reject(fail(err));
      const chunks: Buffer[] = [];
      let size = 0;
      stream.on("data", (chunk: Buffer) => {
        size += chunk.length;
        try {
          budget.take(chunk.length, entry.fileName, size);
        } catch (error) {
          stream.destroy();
          reject(error);
          return;
        }
        chunks.push(chunk);
      });
      stream.on("error", (error) => reject(fail(error)));
      stream.on("end", () => {
        const bytes = Buffer.concat(chunks, size);
        // yauzl checks sizes, not checksums: a damaged member is caught here.
        if (crc32(bytes) !== entry.crc32) reject(new AnkiPackageError("CORRUPT", `Package is damaged: member ${entry.fileName} fails its checksum`));
        else resolve(new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength));
      });
    });
  });
}

/**
 * The members of the zip `bytes` whose names `wanted` accepts, by name. Other
 * members are counted but not inflated. Throws AnkiPackageError: NOT_A_ZIP,
 * CORRUPT (a bad structure or checksum, a duplicate name, an encrypted member),
 * UNSAFE_MEMBER_NAME, TOO_LARGE (more members than `budget` allows, a member
 * inflating past its declared size, or a cap of `budget` broken while inflating).
 */
export async function readZipMembers(bytes: Uint8Array, wanted: (name: string) => boolean, budget: UnpackBudget): Promise<Map<string, Uint8Array>> {
  const zip = await open(bytes);
  if (zip.entryCount > budget.limits.entries) {
    zip.close();
    throw new AnkiPackageError("TOO_LARGE", `Package has ${zip.entryCount} members; at most ${budget.limits.entries} are read`);
  }
  const members = new Map<string, Uint8Array>();
  const seen = new Set<string>();
  try {
    await new Promise<void>((resolve, reject) => {
      zip.on("error", (error) => reject(fail(error)));
      zip.on("end", () => resolve());
      zip.on("entry", (entry: Entry) => {
        const step = async () => {
          const name = entry.fileName;
          if (seen.has(name)) throw new AnkiPackageError("CORRUPT", `Package is damaged: member ${name} appears twice`);
          seen.add(name);
          if (name.endsWith("/") || !wanted(name)) return;
          if (entry.isEncrypted()) throw new AnkiPackageError("CORRUPT", `Package member ${name} is encrypted`);
          budget.checkDeclared(entry.uncompressedSize, name);
          members.set(name, await readEntry(zip, entry, budget));
        };
        step().then(() => zip.readEntry(), reject);
      });
      zip.readEntry();
    });
  } finally {
    zip.close();
  }
  return members;
}

/** The names of the zip `bytes`' members (folders left out), nothing inflated; refused as readZipMembers refuses. */
export async function listZipMembers(bytes: Uint8Array, budget: UnpackBudget): Promise<string[]> {
  const names: string[] = [];
  await readZipMembers(
    bytes,
    (name) => {
      names.push(name);
      return false;
    },
    budget,
  );
  return names;
}
