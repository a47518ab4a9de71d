// An Anki package handed in for a background import: the per-user limits are
// checked, the body streams into 64 KiB import_upload_chunk rows as it
// arrives (never held whole by the server) while its bytes are counted
// against the caps, its end is checked to be a zip's, and the job is queued
// for the import worker. A retried post with the same client-generated id
// stores nothing new and answers with the job as it stands.
import type { PrismaClient } from "../../db/generated/client";
import { endsLikeZip, ZIP_END_MAX_BYTES } from "../../anki/zip-end";
import { AnkiPackageError } from "../../anki/errors";
import { AppError, conflict, rateLimited } from "../../errors/app-error";
import { ANKI_LIMIT_BYTES, IMPORT_STORED_BYTES, IMPORT_UNFINISHED_JOBS, UPLOAD_CHUNK_BYTES } from "../limits";
import {
  deleteImportJob,
  insertImportJobOnce,
  insertUploadChunk,
  lockUserImports,
  markUploaded,
  selectImportUsage,
  selectOptionalImportJob,
} from "./import-job-rows";
import { toImportJobView, type ImportJobView } from "./import-job-view";

export type ImportJobLimits = {
  /** Largest package, in bytes. */
  maxBytes: number;
  /** Jobs a user may have uploading, queued or running at once. */
  unfinished: number;
  /** Bytes of packages a user may have stored at once. */
  storedBytes: number;
};

export const IMPORT_JOB_LIMITS: ImportJobLimits = { maxBytes: ANKI_LIMIT_BYTES, unfinished: IMPORT_UNFINISHED_JOBS, storedBytes: IMPORT_STORED_BYTES };

export type AnkiUploadInput = {
  userId: string;
  /** Client-generated (or fresh) job id: a retry with the same id finds the same job. */
  jobId: string;
  filename?: string;
  slug?: string;
  title?: string;
  dryRun: boolean;
  /** The package as it arrives. */
  body: ReadableStream<Uint8Array> | null;
  /** The request's Content-Length, when it declared one: over the cap is refused before a byte is read. */
  declaredBytes?: number;
  now: Date;
  /** IMPORT_JOB_LIMITS unless a test sets its own. */
  limits?: ImportJobLimits;
};

export type QueuedUpload = { job: ImportJobView; duplicate: boolean };

const MiB = 2 ** 20;
const tooLarge = (limit: number) => `The package is larger than ${limit / MiB} MiB: export its decks one at a time`;

/**
 * Stores the upload and queues its job. Throws PAYLOAD_TOO_LARGE past
 * `maxBytes` (declared or while streaming), RATE_LIMITED with
 * `unfinished` jobs already under way or the stored-bytes limit reached,
 * AnkiPackageError NOT_A_ZIP when the body does not end like a zip, and
 * CONFLICT when the id is another user's; in each case nothing is stored.
 */
export async function queueAnkiUpload(db: PrismaClient, input: AnkiUploadInput): Promise<QueuedUpload> {
  const limits = input.limits ?? IMPORT_JOB_LIMITS;
  const earlier = await selectOptionalImportJob(db, input.jobId);
  if (earlier) {
    await input.body?.cancel().catch(() => undefined);
    if (earlier.userId !== input.userId) throw conflict("This import id is already in use");
    return { job: toImportJobView(earlier), duplicate: true };
  }
  if ((input.declaredBytes ?? 0) > limits.maxBytes) throw new AppError("PAYLOAD_TOO_LARGE", tooLarge(limits.maxBytes));

  const room = await db.$transaction(async (tx) => {
    await lockUserImports(tx, input.userId);
    const usage = await selectImportUsage(tx, input.userId);
    if (usage.unfinished >= limits.unfinished) {
      throw rateLimited(`You have ${usage.unfinished} imports under way; at most ${limits.unfinished} at once. Try again when one has finished.`, 30);
    }
    if (usage.storedBytes >= limits.storedBytes) throw storageFull(usage.storedBytes, limits);
    const row = {
      id: input.jobId,
      userId: input.userId,
      filename: input.filename ?? null,
      slug: input.slug ?? null,
      title: input.title ?? null,
      dryRun: input.dryRun,
    };
    return (await insertImportJobOnce(tx, row, input.now)) ? limits.storedBytes - usage.storedBytes : null;
  });
  if (room === null) {
    // Two identical posts racing: the one that lost the insert answers like a retry.
    const raced = await selectOptionalImportJob(db, input.jobId);
    if (!raced || raced.userId !== input.userId) throw conflict("This import id is already in use");
    await input.body?.cancel().catch(() => undefined);
    return { job: toImportJobView(raced), duplicate: true };
  }

  try {
    const bytes = await storeBody(db, input, limits, room);
    await markUploaded(db, input.jobId, bytes);
  } catch (error) {
    await deleteImportJob(db, input.jobId);
    throw error;
  }
  const stored = await selectOptionalImportJob(db, input.jobId);
  if (!stored) throw new AppError("INTERNAL", "The import job was not stored");
  return { job: toImportJobView(stored), duplicate: false };
}

/** Streams the body into chunks of UPLOAD_CHUNK_BYTES; returns the bytes stored. */
async function storeBody(db: PrismaClient, input: AnkiUploadInput, limits: ImportJobLimits, room: number): Promise<number> {
  if (!input.body) throw new AnkiPackageError("NOT_A_ZIP", "Not an Anki package: the upload is empty");
  const reader = input.body.getReader();
  let piece = new Uint8Array(UPLOAD_CHUNK_BYTES);
  let filled = 0;
  let index = 0;
  let total = 0;
  // The last three stored pieces: enough to hold the file's last ZIP_END_MAX_BYTES.
  let recent: Uint8Array[] = [];
  const flush = async () => {
    if (filled === 0) return;
    const full = filled === piece.length ? piece : piece.slice(0, filled);
    await insertUploadChunk(db, input.jobId, index++, full);
    recent = [...recent.slice(-2), full];
    piece = new Uint8Array(UPLOAD_CHUNK_BYTES);
    filled = 0;
  };
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      total += value.byteLength;
      if (total > limits.maxBytes) throw new AppError("PAYLOAD_TOO_LARGE", tooLarge(limits.maxBytes));
      if (total > room) throw storageFull(limits.storedBytes - room, limits, total);
      for (let at = 0; at < value.byteLength; ) {
        const take = Math.min(value.byteLength - at, piece.length - filled);
        piece.set(value.subarray(at, at + take), filled);
        filled += take;
        at += take;
        if (filled === piece.length) await flush();
      }
    }
  } catch (error) {
    await reader.cancel().catch(() => undefined);
    throw error;
  }
  await flush();
  if (!endsLikeZip(tail(recent))) throw new AnkiPackageError("NOT_A_ZIP", "Not an Anki package: the file is not a zip archive, or it is truncated");
  return total;
}

function tail(pieces: Uint8Array[]): Uint8Array {
  const joined = new Uint8Array(pieces.reduce((sum, p) => sum + p.byteLength, 0));
  let at = 0;
  for (const p of pieces) {
    joined.set(p, at);
    at += p.byteLength;
  }
  return joined.subarray(Math.max(0, joined.length - ZIP_END_MAX_BYTES));
}

function storageFull(storedBytes: number, limits: ImportJobLimits, incoming?: number): AppError {
  const needs = incoming === undefined ? "" : ` and this one needs at least ${(incoming / MiB).toFixed(1)} MiB`;
  return rateLimited(
    `Your uploaded packages take ${(storedBytes / MiB).toFixed(1)} MiB${needs}; at most ${limits.storedBytes / MiB} MiB are kept at once. ` +
      "Import or let go of a previewed package (each is kept 24 hours), then try again.",
    3600,
  );
}
