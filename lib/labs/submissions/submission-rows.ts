// The lab_submission table: inserts, the owner's reads, the job-queue
// statements (claim, complete, give back, reclaim), and what the quota and
// the retention policy need (a per-user lock, usage, pruning). Each is one
// statement; the queue's correctness rests on the row lock in
// `claimNextSubmission` and on the (status, attempts) guard in every later
// write. Rows and the JSON `result` column are parsed with zod on the way out.
import { z } from "zod";
import type { Db } from "../../db/client";
import type { Prisma } from "../../db/generated/client";
import { AppError } from "../../errors/app-error";
import type { LabGradeResult } from "../lab-types";
import { LabGradeResultSchema } from "./grade-result-schema";
import { lockUntilCommit } from "../../db/advisory-lock";

/** Postgres NOTIFY channel a new submission is announced on; workers LISTEN to it. */
export const LAB_QUEUE_CHANNEL = "lab_submission_queued";

export type NewSubmission = {
  id: string;
  userId: string;
  labSlug: string;
  seed: number;
  shape: number[];
  format: "npy" | "npz" | "json";
  /** Size of the tensor its chunks will hold (insertOutputChunks). */
  outputBytes: number;
};

const SUMMARY_COLUMNS = {
  id: true,
  userId: true,
  labSlug: true,
  seed: true,
  shape: true,
  format: true,
  status: true,
  attempts: true,
  passed: true,
  result: true,
  backend: true,
  error: true,
  createdAt: true,
  startedAt: true,
  finishedAt: true,
  outputBytes: true,
  prunedAt: true,
} as const satisfies Prisma.LabSubmissionSelect;

const SubmissionRowSchema = z.object({
  id: z.string(),
  userId: z.string(),
  labSlug: z.string(),
  seed: z.number().int(),
  shape: z.array(z.number().int()),
  format: z.enum(["npy", "npz", "json"]),
  status: z.enum(["QUEUED", "RUNNING", "DONE", "FAILED"]),
  attempts: z.number().int(),
  passed: z.boolean().nullable(),
  result: LabGradeResultSchema.nullable(),
  backend: z.string().nullable(),
  error: z.string().nullable(),
  createdAt: z.date(),
  startedAt: z.date().nullable(),
  finishedAt: z.date().nullable(),
  /** Bytes of the stored tensor; 0 once pruned. */
  outputBytes: z.number().int(),
  /** When the stored tensor was dropped by the retention policy. */
  prunedAt: z.date().nullable(),
});

export type SubmissionRow = z.infer<typeof SubmissionRowSchema>;

/** Parses what Postgres returned against `schema`; a mismatch is a server fault naming the table and field. */
function parseRows<S extends z.ZodType>(schema: S, raw: unknown[]): z.infer<S>[] {
  return raw.map((row) => {
    const parsed = schema.safeParse(row);
    if (parsed.success) return parsed.data;
    const issue = parsed.error.issues[0];
    throw new AppError("INTERNAL", `A lab_submission row does not match its schema (${issue?.path.join(".") ?? "?"}: ${issue?.message ?? "?"})`);
  });
}

function parseOptionalRow(raw: unknown | null): SubmissionRow | null {
  return raw === null ? null : (parseRows(SubmissionRowSchema, [raw])[0] ?? null);
}

/**
 * Inserts the submission unless its id exists, and announces it to the
 * workers (NOTIFY is delivered when the surrounding transaction commits).
 * Returns whether this call inserted it.
 */
export async function insertSubmissionOnce(db: Db, row: NewSubmission, now: Date): Promise<boolean> {
  const { count } = await db.labSubmission.createMany({
    data: [{ ...row, createdAt: now }],
    skipDuplicates: true,
  });
  if (count === 1) await db.$executeRaw`SELECT pg_notify(${LAB_QUEUE_CHANNEL}, ${row.id})`;
  return count === 1;
}

/**
 * Stores a submission's tensor as numbered chunks, one statement each, so no
 * statement carries more than one chunk (Prisma turns bytes into base64 and
 * back on the event loop). `chunks` may be produced lazily.
 */
export async function insertOutputChunks(db: Db, submissionId: string, chunks: Iterable<Uint8Array<ArrayBuffer>>): Promise<void> {
  let index = 0;
  for (const bytes of chunks) await db.labSubmissionChunk.create({ data: { submissionId, index: index++, bytes }, select: { index: true } });
}

/** The row with this id whoever owns it (for the idempotency check), or null. */
export async function selectOptionalSubmission(db: Db, id: string): Promise<SubmissionRow | null> {
  return parseOptionalRow(await db.labSubmission.findUnique({ where: { id }, select: SUMMARY_COLUMNS }));
}

/** The user's submission with this id at this lab, or null (someone else's reads as missing). */
export async function selectOwnSubmission(db: Db, userId: string, labSlug: string, id: string): Promise<SubmissionRow | null> {
  return parseOptionalRow(await db.labSubmission.findFirst({ where: { id, userId, labSlug }, select: SUMMARY_COLUMNS }));
}

/** The user's latest submissions at one lab, newest first. */
export async function listOwnSubmissions(db: Db, userId: string, labSlug: string, limit = 20): Promise<SubmissionRow[]> {
  const rows = await db.labSubmission.findMany({ where: { userId, labSlug }, orderBy: { createdAt: "desc" }, take: limit, select: SUMMARY_COLUMNS });
  return parseRows(SubmissionRowSchema, rows);
}

/**
 * A submission's upload number: how many files its owner has sent for its lab and seed up to and
 * including it (1 for the first). A retried upload keeps its id and so its number.
 */
export async function countUploadsUpTo(db: Db, row: Pick<SubmissionRow, "id" | "userId" | "labSlug" | "seed" | "createdAt">): Promise<number> {
  const { userId, labSlug, seed, createdAt, id } = row;
  return db.labSubmission.count({ where: { userId, labSlug, seed, OR: [{ createdAt: { lt: createdAt } }, { createdAt, id: { lte: id } }] } });
}

const UploadNumberSchema = z.object({ id: z.string(), upload: z.number().int() });

/** Upload numbers (see {@link countUploadsUpTo}) of the user's submissions `ids` at one lab, in one statement. */
export async function selectUploadNumbers(db: Db, userId: string, labSlug: string, ids: readonly string[]): Promise<Map<string, number>> {
  if (ids.length === 0) return new Map();
  const raw = await db.$queryRaw<unknown[]>`
    SELECT id, upload FROM (
      SELECT id::text AS id, (row_number() OVER (PARTITION BY seed ORDER BY "createdAt", id))::int AS upload
      FROM lab_submission WHERE "userId" = ${userId} AND "labSlug" = ${labSlug}
    ) numbered WHERE id = ANY(${[...ids]}::text[])`;
  return new Map(parseRows(UploadNumberSchema, raw).map((r) => [r.id, r.upload]));
}

const LatestRowSchema = z.object({
  labSlug: z.string(),
  status: SubmissionRowSchema.shape.status,
  passed: z.boolean().nullable(),
  createdAt: z.date(),
});

export type LatestSubmission = Omit<z.infer<typeof LatestRowSchema>, "labSlug">;

/** The user's newest submission per lab: one index probe per lab via DISTINCT ON. */
export async function selectLatestPerLab(db: Db, userId: string): Promise<Map<string, LatestSubmission>> {
  const raw = await db.$queryRaw<unknown[]>`
    SELECT DISTINCT ON ("labSlug") "labSlug", status::text AS status, passed, "createdAt"
    FROM lab_submission WHERE "userId" = ${userId}
    ORDER BY "labSlug", "createdAt" DESC`;
  return new Map(parseRows(LatestRowSchema, raw).map(({ labSlug, ...rest }) => [labSlug, rest]));
}

/** Queued submissions created before `createdAt`: the position shown while one waits. */
export async function countQueuedBefore(db: Db, createdAt: Date): Promise<number> {
  return db.labSubmission.count({ where: { status: "QUEUED", createdAt: { lt: createdAt } } });
}

export type ClaimedJob = { id: string; attempts: number };

/**
 * Takes the oldest QUEUED submission for this worker: marks it RUNNING,
 * counts the attempt and stamps `startedAt`. SKIP LOCKED lets concurrent
 * workers each take a different row without waiting; null when none is queued.
 */
const ClaimedJobSchema = z.object({ id: z.string(), attempts: z.number().int() });

export async function claimNextSubmission(db: Db, now: Date): Promise<ClaimedJob | null> {
  const raw = await db.$queryRaw<unknown[]>`
    UPDATE lab_submission SET status = 'RUNNING', attempts = attempts + 1, "startedAt" = ${now}, "finishedAt" = NULL
    WHERE id = (
      SELECT id FROM lab_submission WHERE status = 'QUEUED'
      ORDER BY "createdAt" FOR UPDATE SKIP LOCKED LIMIT 1)
    RETURNING id::text AS id, attempts`;
  return parseRows(ClaimedJobSchema, raw)[0] ?? null;
}

export type JobInput = { labSlug: string; seed: number; shape: number[]; outputBytes: number; prunedAt: Date | null; chunks: Uint8Array[] };

/** A claimed job's lab, seed and stored tensor (its chunks in order; none once pruned, which only graded rows are). */
export async function selectJobInput(db: Db, id: string): Promise<JobInput> {
  const row = await db.labSubmission.findUniqueOrThrow({
    where: { id },
    select: { labSlug: true, seed: true, shape: true, outputBytes: true, prunedAt: true, chunks: { orderBy: { index: "asc" }, select: { bytes: true } } },
  });
  return { ...row, chunks: row.chunks.map((c) => c.bytes) };
}

/**
 * Stores the grade of attempt `attempt`. Writes nothing (returns false) when
 * the job was meanwhile reclaimed and claimed again: the newer attempt owns it.
 */
export async function completeSubmission(db: Db, job: ClaimedJob, result: LabGradeResult, now: Date): Promise<boolean> {
  const { count } = await db.labSubmission.updateMany({
    where: { id: job.id, status: "RUNNING", attempts: job.attempts },
    data: { status: "DONE", passed: result.passed, result, backend: result.backend, error: null, finishedAt: now },
  });
  return count === 1;
}

/**
 * Gives a failed attempt back: QUEUED again while attempts remain below
 * `maxAttempts` (and the failure is not `permanent`), else FAILED for good.
 * `error` is shown to the learner.
 */
export async function releaseFailedAttempt(
  db: Db,
  job: ClaimedJob,
  failure: { error: string; permanent: boolean },
  maxAttempts: number,
  now: Date,
): Promise<"QUEUED" | "FAILED" | "lost"> {
  const final = failure.permanent || job.attempts >= maxAttempts;
  const error = failure.error;
  const { count } = await db.labSubmission.updateMany({
    where: { id: job.id, status: "RUNNING", attempts: job.attempts },
    data: final ? { status: "FAILED", error, finishedAt: now } : { status: "QUEUED", error },
  });
  if (count === 0) return "lost";
  return final ? "FAILED" : "QUEUED";
}

/**
 * Takes back RUNNING jobs started before `staleBefore` (their worker died or
 * hung): QUEUED again, or FAILED once `maxAttempts` attempts are used up.
 * Returns how many of each.
 */
export async function reclaimStaleSubmissions(db: Db, staleBefore: Date, maxAttempts: number, now: Date): Promise<{ requeued: number; failed: number }> {
  const raw = await db.$queryRaw<unknown[]>`
    UPDATE lab_submission SET
      status = CASE WHEN attempts >= ${maxAttempts} THEN 'FAILED'::"JobStatus" ELSE 'QUEUED'::"JobStatus" END,
      error = CASE WHEN attempts >= ${maxAttempts}
        THEN ${`Grading stopped ${maxAttempts} times without finishing; this submission was not graded.`}
        ELSE 'A grading worker stopped before finishing; queued again.' END,
      "finishedAt" = CASE WHEN attempts >= ${maxAttempts} THEN ${now}::timestamp(3) ELSE NULL END
    WHERE status = 'RUNNING' AND "startedAt" < ${staleBefore}
    RETURNING status::text AS status`;
  const rows = parseRows(z.object({ status: z.enum(["QUEUED", "FAILED"]) }), raw);
  return { requeued: rows.filter((r) => r.status === "QUEUED").length, failed: rows.filter((r) => r.status === "FAILED").length };
}

/**
 * Serialises this user's submission inserts until the surrounding
 * transaction ends: a transaction-scoped advisory lock keyed by the user, so
 * quota checks and inserts on several app instances cannot interleave.
 */
export async function lockUserSubmissions(db: Db, userId: string): Promise<void> {
  await lockUntilCommit(db, `lab_submission:${userId}`);
}

const UsageSchema = z.object({ recent: z.number().int(), daily: z.number().int(), storedBytes: z.coerce.number().int() });

export type SubmissionUsage = z.infer<typeof UsageSchema>;

/** The user's submissions created after `recentSince` and after `dailySince`, and the bytes of output tensors they store. */
export async function selectSubmissionUsage(db: Db, userId: string, recentSince: Date, dailySince: Date): Promise<SubmissionUsage> {
  const raw = await db.$queryRaw<unknown[]>`
    SELECT count(*) FILTER (WHERE "createdAt" > ${recentSince})::int AS recent,
      count(*) FILTER (WHERE "createdAt" > ${dailySince})::int AS daily,
      coalesce(sum("outputBytes"), 0)::text AS "storedBytes"
    FROM lab_submission WHERE "userId" = ${userId}`;
  const [usage] = parseRows(UsageSchema, raw);
  if (!usage) throw new AppError("INTERNAL", "The lab submission usage query returned no row");
  return usage;
}

/**
 * When the user's submissions after `since` drop to `skip`: the creation
 * time of the (skip + 1)-th oldest of them, or null when there are no more than `skip`.
 */
export async function selectWindowOpensAt(db: Db, userId: string, since: Date, skip: number): Promise<Date | null> {
  const raw = await db.$queryRaw<unknown[]>`
    SELECT "createdAt" FROM lab_submission WHERE "userId" = ${userId} AND "createdAt" > ${since}
    ORDER BY "createdAt" OFFSET ${skip} LIMIT 1`;
  return parseRows(z.object({ createdAt: z.date() }), raw)[0]?.createdAt ?? null;
}

/** The oldest creation time among the user's stored outputs that the retention policy does not keep for being among the newest `keepNewest` at their lab. */
export async function selectOldestPrunable(db: Db, userId: string, keepNewest: number): Promise<Date | null> {
  const raw = await db.$queryRaw<unknown[]>`
    SELECT min("createdAt") AS "createdAt" FROM (
      SELECT "createdAt", "outputBytes", row_number() OVER (PARTITION BY "labSlug" ORDER BY "createdAt" DESC, id DESC) AS rank
      FROM lab_submission WHERE "userId" = ${userId}) ranked
    WHERE rank > ${keepNewest} AND "outputBytes" > 0`;
  return parseRows(z.object({ createdAt: z.date().nullable() }), raw)[0]?.createdAt ?? null;
}

/**
 * Drops the stored tensor (its chunks; the row and its grade stay) of at most
 * `batch` graded submissions that are both older than `olderThan` and not
 * among the newest `keepNewest` of their user at their lab. Safe to run from
 * several workers at once: a row already pruned is skipped. Returns rows and bytes freed.
 */
export async function pruneStoredOutputs(
  db: Db,
  policy: { keepNewest: number; olderThan: Date; batch: number },
  now: Date,
): Promise<{ rows: number; bytes: number }> {
  const raw = await db.$queryRaw<unknown[]>`
    WITH ranked AS (
      SELECT id, "createdAt", status, "outputBytes", "prunedAt",
        row_number() OVER (PARTITION BY "userId", "labSlug" ORDER BY "createdAt" DESC, id DESC) AS rank
      FROM lab_submission),
    doomed AS (
      SELECT id, "outputBytes" FROM ranked
      WHERE "prunedAt" IS NULL AND rank > ${policy.keepNewest} AND "createdAt" < ${policy.olderThan} AND status IN ('DONE', 'FAILED')
      LIMIT ${policy.batch}),
    dropped AS (
      DELETE FROM lab_submission_chunk c USING doomed WHERE c."submissionId" = doomed.id)
    UPDATE lab_submission s SET "outputBytes" = 0, "prunedAt" = ${now}
    FROM doomed WHERE s.id = doomed.id AND s."prunedAt" IS NULL
    RETURNING doomed."outputBytes" AS bytes`;
  const rows = parseRows(z.object({ bytes: z.number().int() }), raw);
  return { rows: rows.length, bytes: rows.reduce((sum, r) => sum + r.bytes, 0) };
}
