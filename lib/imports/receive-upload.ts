// An upload as the import route receives it, still streaming: an Anki
// package (asked for, named .apkg/.colpkg, or starting like a zip) becomes
// a background job whose body streams into the database; notes and CSV/TSV
// (10 MiB at most) are read whole and imported or previewed at once.
import { randomUUID } from "node:crypto";
import type { PrismaClient } from "../db/generated/client";
import { AppError } from "../errors/app-error";
import { peekStream } from "../http/peek-stream";
import { readCappedStream } from "../http/read-capped-body";
import { isAnkiUpload } from "./detect-format";
import type { ImportQuery } from "./import-schemas";
import { importUpload, type ImportResult } from "./import-upload";
import type { AnkiImportResult } from "./anki-import";
import { IMPORT_LIMIT_BYTES } from "./limits";
import type { ImportJobView } from "./jobs/import-job-view";
import { IMPORT_JOB_LIMITS, queueAnkiUpload } from "./jobs/queue-anki-upload";

export type ReceivedUpload = { kind: "job"; job: ImportJobView; duplicate: boolean } | { kind: "result"; result: ImportResult | AnkiImportResult };

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
 * Queues an Anki package (see queueAnkiUpload) or imports a text file (see
 * importUpload). A body declared over the Anki cap is refused unread; text
 * past IMPORT_LIMIT_BYTES is refused as it streams.
 */
export async function receiveUpload(db: PrismaClient, input: ReceiveInput): Promise<ReceivedUpload> {
  const { query } = input;
  if ((input.declaredBytes ?? 0) > IMPORT_JOB_LIMITS.maxBytes) throw new AppError("PAYLOAD_TOO_LARGE", tooLarge(IMPORT_JOB_LIMITS.maxBytes));
  const named = query.format !== undefined || /\.(?:apkg|colpkg)$/i.test(query.filename ?? "");
  const peeked = named ? { head: new Uint8Array(), stream: input.body } : await peekStream(input.body, ZIP_MAGIC_BYTES);
  if (isAnkiUpload(query.format, query.filename, peeked.head)) {
    const queued = await queueAnkiUpload(db, {
      userId: input.userId,
      jobId: query.id ?? randomUUID(),
      filename: query.filename,
      slug: query.module,
      title: query.title,
      dryRun: query.dryRun,
      body: peeked.stream,
      declaredBytes: input.declaredBytes,
      now: input.now,
    });
    return { kind: "job", ...queued };
  }
  if ((input.declaredBytes ?? 0) > IMPORT_LIMIT_BYTES) {
    await peeked.stream?.cancel().catch(() => undefined);
    throw new AppError("PAYLOAD_TOO_LARGE", tooLarge(IMPORT_LIMIT_BYTES));
  }
  const bytes = await readCappedStream(peeked.stream, IMPORT_LIMIT_BYTES, tooLarge(IMPORT_LIMIT_BYTES));
  const { module: slug, format, filename, title, dryRun } = query;
  return { kind: "result", result: await importUpload(db, { userId: input.userId, bytes, slug, format, filename, title, dryRun }, input.now) };
}
