// An upload as the import route receives it, still streaming: an Anki
// package (asked for, named .apkg/.colpkg, or a zip holding a collection)
// becomes a background job whose body streams into the database; a zipped
// module folder (asked for, named .zip, or a zip holding no collection) and
// notes and CSV/TSV are read whole and imported or previewed at once.
import { randomUUID } from "node:crypto";
import type { PrismaClient } from "../db/generated/client";
import { AppError } from "../errors/app-error";
import { peekStream } from "../http/peek-stream";
import { readCappedStream } from "../http/read-capped-body";
import { isZipBytes, namedPackageFormat, packageFormat } from "./detect-format";
import type { ImportQuery } from "./import-schemas";
import { importUpload, type ImportResult } from "./import-upload";
import type { AnkiImportResult } from "./anki-import";
import { IMPORT_LIMIT_BYTES, MODULE_ZIP_LIMIT_BYTES } from "./limits";
import type { ModuleZipResult } from "./module-zip-import";
import type { ImportJobView } from "./jobs/import-job-view";
import { IMPORT_JOB_LIMITS, queueAnkiUpload } from "./jobs/queue-anki-upload";

export type ReceivedUpload =
  | { kind: "job"; job: ImportJobView; duplicate: boolean }
  | { kind: "result"; result: ImportResult | AnkiImportResult | ModuleZipResult };

export type ReceiveInput = {
  userId: string;
  query: ImportQuery;
  body: ReadableStream<Uint8Array> | null;
  declaredBytes?: number;
  now: Date;
};

const ZIP_MAGIC_BYTES = 4;
const tooLarge = (limit: number) => `The file is larger than ${limit / 2 ** 20} MiB: split it into several imports`;

/**
 * Queues an Anki package (see queueAnkiUpload) or imports a module zip or a
 * text file (see importUpload). A body declared over the Anki cap is refused
 * unread; text past IMPORT_LIMIT_BYTES and a zip past its cap are refused as
 * they stream. A zip sent without a name or format is read whole (within the
 * Anki cap) to see whether it holds an Anki collection.
 */
export async function receiveUpload(db: PrismaClient, input: ReceiveInput): Promise<ReceivedUpload> {
  const { query } = input;
  if ((input.declaredBytes ?? 0) > IMPORT_JOB_LIMITS.maxBytes) throw new AppError("PAYLOAD_TOO_LARGE", tooLarge(IMPORT_JOB_LIMITS.maxBytes));
  const queue = async (body: ReadableStream<Uint8Array> | null): Promise<ReceivedUpload> => {
    const queued = await queueAnkiUpload(db, {
      userId: input.userId,
      jobId: query.id ?? randomUUID(),
      filename: query.filename,
      slug: query.module,
      title: query.title,
      dryRun: query.dryRun,
      body,
      declaredBytes: input.declaredBytes,
      now: input.now,
    });
    return { kind: "job", ...queued };
  };
  const imported = async (bytes: Uint8Array): Promise<ReceivedUpload> => {
    const { module: slug, format, filename, title, dryRun } = query;
    return { kind: "result", result: await importUpload(db, { userId: input.userId, bytes, slug, format, filename, title, dryRun }, input.now) };
  };
  const named = namedPackageFormat(query.format, query.filename);
  if (named === "anki") return queue(input.body);
  if (named === "zip") return imported(await readCapped(input.body, MODULE_ZIP_LIMIT_BYTES, input.declaredBytes));
  const peeked = query.format ? { head: new Uint8Array(), stream: input.body } : await peekStream(input.body, ZIP_MAGIC_BYTES);
  if (isZipBytes(peeked.head)) {
    const bytes = await readCapped(peeked.stream, IMPORT_JOB_LIMITS.maxBytes, input.declaredBytes);
    return (await packageFormat(undefined, undefined, bytes)) === "anki" ? queue(new Blob([new Uint8Array(bytes)]).stream()) : imported(bytes);
  }
  return imported(await readCapped(peeked.stream, IMPORT_LIMIT_BYTES, input.declaredBytes));
}

/** The whole body, refused (PAYLOAD_TOO_LARGE) when declared or streaming past `limit`. */
async function readCapped(stream: ReadableStream<Uint8Array> | null, limit: number, declaredBytes: number | undefined): Promise<Uint8Array> {
  if ((declaredBytes ?? 0) > limit) {
    await stream?.cancel().catch(() => undefined);
    throw new AppError("PAYLOAD_TOO_LARGE", tooLarge(limit));
  }
  return readCappedStream(stream, limit, tooLarge(limit));
}
