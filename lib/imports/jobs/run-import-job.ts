// One step of an import worker: take back jobs whose worker died, claim the
// oldest queued import, read its stored upload, run it (a dry run ends
// PREVIEWED, a commit DONE) while writing its progress to the job row, and
// store the result or a clear error. Process concerns (LISTEN, sleeping,
// signals) live in scripts/import-worker.ts; everything here is a function
// of the database and the clock, so tests drive it directly.
import type { PrismaClient } from "../../db/generated/client";
import type { Prisma } from "../../db/client";
import { AppError } from "../../errors/app-error";
import { importAnkiUpload } from "../anki-import";
import {
  claimNextImportJob,
  completeImportJob,
  reclaimStaleImportJobs,
  releaseFailedImport,
  selectImportJobInput,
  selectUploadChunks,
  touchImportHeartbeat,
  updateImportProgress,
  type ClaimedImportJob,
} from "./import-job-rows";
import { progressWriter } from "./progress-writer";

/** Attempts an import gets before it is marked FAILED (a package that kills its worker twice will again). */
export const MAX_IMPORT_ATTEMPTS = 2;

/**
 * How often a running job's heartbeat moves, besides its progress writes
 * (one deck's write can take many seconds). IMPORT_STALE_JOB_SECONDS must
 * stay well above it.
 */
export const HEARTBEAT_MS = 10_000;

/** The worker's clocks: `now` dates rows, `ms` (monotonic) spaces the progress writes. */
export type WorkerClock = { now: () => Date; ms: () => number };

export type ImportJobOutcome =
  | { kind: "idle" }
  | { kind: "done"; id: string; status: "PREVIEWED" | "DONE"; cards: number; reviews: number }
  | { kind: "failed"; id: string; status: "QUEUED" | "FAILED"; error: string }
  | { kind: "lost"; id: string };

/** Reclaims RUNNING imports whose heartbeat is older than `staleMs` before `now`. */
export async function reclaimStaleImports(db: PrismaClient, now: Date, staleMs: number): Promise<{ requeued: number; failed: number }> {
  return reclaimStaleImportJobs(db, new Date(now.getTime() - staleMs), MAX_IMPORT_ATTEMPTS, now);
}

/**
 * Claims and runs one import job. Returns "idle" when nothing is queued. A
 * package the importer refuses (an AppError: damaged, hostile, no cards,
 * too many) fails for good with its message; any other error costs an
 * attempt. Either way the import's own transaction wrote nothing.
 */
export async function runNextImportJob(db: PrismaClient, clock: WorkerClock): Promise<ImportJobOutcome> {
  const job = await claimNextImportJob(db, clock.now());
  if (!job) return { kind: "idle" };
  const progress = progressWriter((p) => updateImportProgress(db, job, p, clock.now()), clock.ms);
  const heartbeat = setInterval(() => void touchImportHeartbeat(db, job, clock.now()).catch(() => undefined), HEARTBEAT_MS);
  let outcome:
    | { ok: true; status: "PREVIEWED" | "DONE"; result: Awaited<ReturnType<typeof importAnkiUpload>> }
    | { ok: false; error: string; permanent: boolean };
  try {
    const input = await selectImportJobInput(db, job.id);
    const bytes = await uploadOf(db, job, input.uploadBytes);
    const result = await importAnkiUpload(
      db,
      { userId: input.userId, bytes, slug: input.slug ?? undefined, title: input.title ?? undefined, dryRun: input.dryRun, onProgress: progress.report },
      clock.now(),
    );
    outcome = { ok: true, status: input.dryRun ? "PREVIEWED" : "DONE", result };
  } catch (error) {
    outcome =
      error instanceof AppError
        ? { ok: false, error: error.message, permanent: true }
        : { ok: false, error: `The import failed: ${error instanceof Error ? error.message : String(error)}`, permanent: false };
  } finally {
    clearInterval(heartbeat);
  }
  await progress.flush();
  if (!outcome.ok) {
    const status = await releaseFailedImport(db, job, outcome, MAX_IMPORT_ATTEMPTS, clock.now());
    return status === "lost" ? { kind: "lost", id: job.id } : { kind: "failed", id: job.id, status, error: outcome.error };
  }
  const stored = await completeImportJob(db, job, outcome.status, outcome.result as unknown as Prisma.InputJsonValue, clock.now());
  if (!stored) return { kind: "lost", id: job.id };
  const counted = outcome.result.written ?? outcome.result.history;
  return { kind: "done", id: job.id, status: outcome.status, cards: counted.cards, reviews: counted.reviews };
}

/** The stored upload as one buffer; AppError when it is gone (pruned) or incomplete. */
async function uploadOf(db: PrismaClient, job: ClaimedImportJob, uploadBytes: number): Promise<Uint8Array> {
  const pieces = uploadBytes > 0 ? await selectUploadChunks(db, job.id) : [];
  const length = pieces.reduce((sum, p) => sum + p.byteLength, 0);
  if (uploadBytes === 0 || length !== uploadBytes) {
    throw new AppError("CONFLICT", "The uploaded package is no longer stored (uploads are kept 24 hours): upload it again.");
  }
  const bytes = new Uint8Array(length);
  let at = 0;
  for (const piece of pieces) {
    bytes.set(piece, at);
    at += piece.byteLength;
  }
  return bytes;
}
