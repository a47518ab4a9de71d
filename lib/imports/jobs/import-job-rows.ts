// The import_job and import_upload_chunk tables: the upload's inserts, the
// owner's reads, the job-queue statements (claim, progress, complete, give
// back, reclaim), and what the per-user limits and the 24-hour pruning need.
// Each is one statement; the queue's correctness rests on the row lock in
// `claimNextImportJob` and on the (status, attempts) guard in every later
// write, as in lib/labs/submissions/submission-rows.ts.
import { z } from "zod";
import { Prisma, type Db } from "../../db/client";
import { AppError } from "../../errors/app-error";
import { lockUntilCommit } from "../../db/advisory-lock";

/** Postgres NOTIFY channel a queued import job is announced on; import workers LISTEN to it. */
export const IMPORT_QUEUE_CHANNEL = "import_job_queued";

export const IMPORT_JOB_STATUSES = ["UPLOADING", "QUEUED", "RUNNING", "PREVIEWED", "DONE", "FAILED"] as const;
export type ImportJobStatus = (typeof IMPORT_JOB_STATUSES)[number];

const JOB_COLUMNS = {
  id: true,
  userId: true,
  filename: true,
  slug: true,
  title: true,
  dryRun: true,
  status: true,
  phase: true,
  progressDone: true,
  progressTotal: true,
  result: true,
  error: true,
  attempts: true,
  uploadBytes: true,
  createdAt: true,
  startedAt: true,
  heartbeatAt: true,
  finishedAt: true,
} as const satisfies Prisma.ImportJobSelect;

const ImportJobRowSchema = z.object({
  id: z.string(),
  userId: z.string(),
  filename: z.string().nullable(),
  slug: z.string().nullable(),
  title: z.string().nullable(),
  dryRun: z.boolean(),
  status: z.enum(IMPORT_JOB_STATUSES),
  phase: z.string().nullable(),
  progressDone: z.number().int(),
  progressTotal: z.number().int(),
  /** The AnkiImportResult as stored; its shape is checked by the view. */
  result: z.unknown().nullable(),
  error: z.string().nullable(),
  attempts: z.number().int(),
  uploadBytes: z.number().int(),
  createdAt: z.date(),
  startedAt: z.date().nullable(),
  heartbeatAt: z.date().nullable(),
  finishedAt: z.date().nullable(),
});

export type ImportJobRow = z.infer<typeof ImportJobRowSchema>;

function parseRows<S extends z.ZodType>(schema: S, raw: unknown[]): z.infer<S>[] {
  return raw.map((row) => {
    const parsed = schema.safeParse(row);
    if (parsed.success) return parsed.data;
    const issue = parsed.error.issues[0];
    throw new AppError("INTERNAL", `An import_job row does not match its schema (${issue?.path.join(".") ?? "?"}: ${issue?.message ?? "?"})`);
  });
}

function parseOptionalRow(raw: unknown | null): ImportJobRow | null {
  return raw === null ? null : (parseRows(ImportJobRowSchema, [raw])[0] ?? null);
}

export type NewImportJob = { id: string; userId: string; filename: string | null; slug: string | null; title: string | null; dryRun: boolean };

/** Inserts the job UPLOADING unless its id exists; returns whether this call inserted it. */
export async function insertImportJobOnce(db: Db, row: NewImportJob, now: Date): Promise<boolean> {
  const { count } = await db.importJob.createMany({ data: [{ ...row, status: "UPLOADING", createdAt: now }], skipDuplicates: true });
  return count === 1;
}

/** Stores piece `index` of a job's upload: one statement per piece, so none carries more than 64 KiB. */
export async function insertUploadChunk(db: Db, jobId: string, index: number, bytes: Uint8Array<ArrayBuffer>): Promise<void> {
  await db.importUploadChunk.create({ data: { jobId, index, bytes }, select: { index: true } });
}

/** The upload is whole: the job is QUEUED with its size and announced to the workers. */
export async function markUploaded(db: Db, id: string, uploadBytes: number): Promise<void> {
  const { count } = await db.importJob.updateMany({ where: { id, status: "UPLOADING" }, data: { status: "QUEUED", uploadBytes } });
  if (count !== 1) throw new AppError("INTERNAL", "The import job left UPLOADING while its upload was stored");
  await db.$executeRaw`SELECT pg_notify(${IMPORT_QUEUE_CHANNEL}, ${id})`;
}

/** Deletes a job and its chunks (an upload that failed part-way). */
export async function deleteImportJob(db: Db, id: string): Promise<void> {
  await db.importJob.deleteMany({ where: { id } });
}

/** The job with this id whoever owns it (for the idempotency check), or null. */
export async function selectOptionalImportJob(db: Db, id: string): Promise<ImportJobRow | null> {
  return parseOptionalRow(await db.importJob.findUnique({ where: { id }, select: JOB_COLUMNS }));
}

/** The user's job with this id, or null (someone else's reads as missing). */
export async function selectOwnImportJob(db: Db, userId: string, id: string): Promise<ImportJobRow | null> {
  return parseOptionalRow(await db.importJob.findFirst({ where: { id, userId }, select: JOB_COLUMNS }));
}

/**
 * Serialises this user's new jobs and commits until the surrounding
 * transaction ends, so limit checks on several app instances cannot interleave.
 */
export async function lockUserImports(db: Db, userId: string): Promise<void> {
  await lockUntilCommit(db, `import_job:${userId}`);
}

const UsageSchema = z.object({ unfinished: z.number().int(), storedBytes: z.coerce.number().int() });
export type ImportUsage = z.infer<typeof UsageSchema>;

/** The user's jobs not yet finished (uploading, queued or running) and the bytes of uploads stored for them. */
export async function selectImportUsage(db: Db, userId: string): Promise<ImportUsage> {
  const raw = await db.$queryRaw<unknown[]>`
    SELECT count(*) FILTER (WHERE status IN ('UPLOADING', 'QUEUED', 'RUNNING'))::int AS unfinished,
      coalesce(sum("uploadBytes"), 0)::text AS "storedBytes"
    FROM import_job WHERE "userId" = ${userId}`;
  const [usage] = parseRows(UsageSchema, raw);
  if (!usage) throw new AppError("INTERNAL", "The import usage query returned no row");
  return usage;
}

/**
 * Turns the user's PREVIEWED dry run into a queued commit of the same stored
 * upload and announces it. Returns false when the job is not a previewed dry
 * run with its upload still stored.
 */
export async function queueCommit(db: Db, userId: string, id: string): Promise<boolean> {
  const { count } = await db.importJob.updateMany({
    where: { id, userId, status: "PREVIEWED", dryRun: true, uploadBytes: { gt: 0 } },
    data: {
      status: "QUEUED",
      dryRun: false,
      phase: null,
      progressDone: 0,
      progressTotal: 0,
      result: Prisma.DbNull,
      error: null,
      startedAt: null,
      finishedAt: null,
    },
  });
  if (count === 1) await db.$executeRaw`SELECT pg_notify(${IMPORT_QUEUE_CHANNEL}, ${id})`;
  return count === 1;
}

export type ClaimedImportJob = { id: string; attempts: number };
const ClaimedSchema = z.object({ id: z.string(), attempts: z.number().int() });

/**
 * Takes the oldest QUEUED job for this worker: RUNNING, one more attempt,
 * `startedAt` and the heartbeat stamped, progress cleared. SKIP LOCKED lets
 * workers take different rows without waiting; null when none is queued.
 */
export async function claimNextImportJob(db: Db, now: Date): Promise<ClaimedImportJob | null> {
  const raw = await db.$queryRaw<unknown[]>`
    UPDATE import_job SET status = 'RUNNING', attempts = attempts + 1, "startedAt" = ${now}, "heartbeatAt" = ${now},
      "finishedAt" = NULL, phase = NULL, "progressDone" = 0, "progressTotal" = 0
    WHERE id = (
      SELECT id FROM import_job WHERE status = 'QUEUED'
      ORDER BY "createdAt" FOR UPDATE SKIP LOCKED LIMIT 1)
    RETURNING id::text AS id, attempts`;
  return parseRows(ClaimedSchema, raw)[0] ?? null;
}

export type ImportJobInput = { userId: string; slug: string | null; title: string | null; dryRun: boolean; uploadBytes: number };

/** A claimed job's request (who, which module, dry run or commit) and its upload's size. */
export async function selectImportJobInput(db: Db, id: string): Promise<ImportJobInput> {
  return db.importJob.findUniqueOrThrow({ where: { id }, select: { userId: true, slug: true, title: true, dryRun: true, uploadBytes: true } });
}

/** Pieces read per statement: 16 MiB, so no result holds a whole 100 MiB package twice over. */
const CHUNKS_PER_READ = 256;

/** The stored upload's pieces in order, read a page at a time. */
export async function selectUploadChunks(db: Db, jobId: string): Promise<Uint8Array[]> {
  const pieces: Uint8Array[] = [];
  for (;;) {
    const page = await db.importUploadChunk.findMany({
      where: { jobId, index: { gte: pieces.length } },
      orderBy: { index: "asc" },
      take: CHUNKS_PER_READ,
      select: { index: true, bytes: true },
    });
    for (const chunk of page) {
      if (chunk.index !== pieces.length) throw new AppError("INTERNAL", `The upload of import job ${jobId} misses piece ${pieces.length}`);
      pieces.push(chunk.bytes);
    }
    if (page.length < CHUNKS_PER_READ) return pieces;
  }
}

/** Stores how far attempt `job.attempts` has got, and moves its heartbeat; nothing once the job was taken back. */
export async function updateImportProgress(db: Db, job: ClaimedImportJob, progress: { phase: string; done: number; total: number }, now: Date): Promise<void> {
  await db.importJob.updateMany({
    where: { id: job.id, status: "RUNNING", attempts: job.attempts },
    data: { phase: progress.phase, progressDone: progress.done, progressTotal: progress.total, heartbeatAt: now },
  });
}

/** Moves the heartbeat of attempt `job.attempts` while it runs: the worker is alive. */
export async function touchImportHeartbeat(db: Db, job: ClaimedImportJob, now: Date): Promise<void> {
  await db.importJob.updateMany({ where: { id: job.id, status: "RUNNING", attempts: job.attempts }, data: { heartbeatAt: now } });
}

/**
 * Stores the result of attempt `job.attempts`: PREVIEWED (the upload is kept
 * for the commit) or DONE (the upload is deleted). Writes nothing (false)
 * when the job was meanwhile taken back and claimed again.
 */
export async function completeImportJob(
  db: Db,
  job: ClaimedImportJob,
  status: "PREVIEWED" | "DONE",
  result: Prisma.InputJsonValue,
  now: Date,
): Promise<boolean> {
  const { count } = await db.importJob.updateMany({
    where: { id: job.id, status: "RUNNING", attempts: job.attempts },
    data: { status, result, error: null, finishedAt: now, heartbeatAt: now, ...(status === "DONE" ? { uploadBytes: 0 } : {}) },
  });
  if (count === 1 && status === "DONE") await db.importUploadChunk.deleteMany({ where: { jobId: job.id } });
  return count === 1;
}

/**
 * Gives a failed attempt back: QUEUED again while attempts remain below
 * `maxAttempts` and the failure is not `permanent`, else FAILED with the
 * upload deleted. `error` is shown to the learner.
 */
export async function releaseFailedImport(
  db: Db,
  job: ClaimedImportJob,
  failure: { error: string; permanent: boolean },
  maxAttempts: number,
  now: Date,
): Promise<"QUEUED" | "FAILED" | "lost"> {
  const final = failure.permanent || job.attempts >= maxAttempts;
  const { count } = await db.importJob.updateMany({
    where: { id: job.id, status: "RUNNING", attempts: job.attempts },
    data: final ? { status: "FAILED", error: failure.error, finishedAt: now, uploadBytes: 0 } : { status: "QUEUED", error: failure.error },
  });
  if (count === 0) return "lost";
  if (final) await db.importUploadChunk.deleteMany({ where: { jobId: job.id } });
  return final ? "FAILED" : "QUEUED";
}

/**
 * Takes back RUNNING jobs whose heartbeat is older than `staleBefore` (their
 * worker died): QUEUED again, or FAILED (upload deleted) once `maxAttempts`
 * are used up. Returns how many of each.
 */
export async function reclaimStaleImportJobs(db: Db, staleBefore: Date, maxAttempts: number, now: Date): Promise<{ requeued: number; failed: number }> {
  const raw = await db.$queryRaw<unknown[]>`
    UPDATE import_job SET
      status = CASE WHEN attempts >= ${maxAttempts} THEN 'FAILED'::"ImportJobStatus" ELSE 'QUEUED'::"ImportJobStatus" END,
      error = CASE WHEN attempts >= ${maxAttempts}
        THEN ${`The import stopped ${maxAttempts} times without finishing (the package may be too large to import); nothing was written.`}
        ELSE 'An import worker stopped before finishing; queued again.' END,
      "finishedAt" = CASE WHEN attempts >= ${maxAttempts} THEN ${now}::timestamp(3) ELSE NULL END,
      "uploadBytes" = CASE WHEN attempts >= ${maxAttempts} THEN 0 ELSE "uploadBytes" END
    WHERE status = 'RUNNING' AND "heartbeatAt" < ${staleBefore}
    RETURNING status::text AS status`;
  const rows = parseRows(z.object({ status: z.enum(["QUEUED", "FAILED"]) }), raw);
  if (rows.some((r) => r.status === "FAILED")) await deleteOrphanChunks(db);
  return { requeued: rows.filter((r) => r.status === "QUEUED").length, failed: rows.filter((r) => r.status === "FAILED").length };
}

/** Chunks of jobs that no longer keep an upload (finished, or dropped), e.g. left by a crash between two statements. */
async function deleteOrphanChunks(db: Db): Promise<number> {
  return db.$executeRaw`
    DELETE FROM import_upload_chunk c USING import_job j
    WHERE c."jobId" = j.id AND (j."uploadBytes" = 0 OR j.status IN ('DONE', 'FAILED'))`;
}

/**
 * Drops uploads kept past their time: a PREVIEWED job created before
 * `previewedBefore` loses its upload (the row and its preview stay; a commit
 * is then refused), an UPLOADING row created before `uploadingBefore` (its
 * app server died mid-upload) is deleted. Returns jobs touched and bytes freed.
 */
export async function pruneImportUploads(db: Db, cutoffs: { previewedBefore: Date; uploadingBefore: Date }): Promise<{ jobs: number; bytes: number }> {
  const dropped = await db.$queryRaw<unknown[]>`
    UPDATE import_job j SET "uploadBytes" = 0, error = 'The upload was kept 24 hours and is no longer stored: upload the package again to import it.'
    FROM (SELECT id, "uploadBytes" AS bytes FROM import_job WHERE status = 'PREVIEWED' AND "uploadBytes" > 0 AND "createdAt" < ${cutoffs.previewedBefore}) old
    WHERE j.id = old.id
    RETURNING old.bytes AS bytes`;
  const abandoned = await db.$queryRaw<unknown[]>`
    DELETE FROM import_job WHERE status = 'UPLOADING' AND "createdAt" < ${cutoffs.uploadingBefore}
    RETURNING (SELECT coalesce(sum(octet_length(bytes)), 0) FROM import_upload_chunk WHERE "jobId" = import_job.id)::int AS bytes`;
  await deleteOrphanChunks(db);
  const rows = parseRows(z.object({ bytes: z.number().int() }), [...dropped, ...abandoned]);
  return { jobs: rows.length, bytes: rows.reduce((sum, r) => sum + r.bytes, 0) };
}
