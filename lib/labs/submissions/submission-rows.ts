// The lab_submission table: inserts, the owner's reads, and the job-queue
// statements (claim, complete, give back, reclaim). Each is one statement;
// the queue's correctness rests on the row lock in `claimNextSubmission` and
// on the (status, attempts) guard in every later write.
import type { Db } from "../../db/client";
import { Prisma } from "../../db/generated/client";
import type { LabGradeResult } from "../lab-types";

/** Postgres NOTIFY channel a new submission is announced on; workers LISTEN to it. */
export const LAB_QUEUE_CHANNEL = "lab_submission_queued";

export type NewSubmission = {
  id: string;
  userId: string;
  labSlug: string;
  seed: number;
  outputs: Uint8Array<ArrayBuffer>;
  shape: number[];
  format: "npy" | "json";
};

const SUMMARY_COLUMNS = {
  id: true, userId: true, labSlug: true, seed: true, shape: true, format: true, status: true, attempts: true,
  passed: true, result: true, backend: true, error: true, createdAt: true, startedAt: true, finishedAt: true,
} as const;

export type SubmissionRow = Prisma.LabSubmissionGetPayload<{ select: typeof SUMMARY_COLUMNS }>;

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

/** The row with this id whoever owns it (for the idempotency check), or null. */
export async function selectOptionalSubmission(db: Db, id: string): Promise<SubmissionRow | null> {
  return db.labSubmission.findUnique({ where: { id }, select: SUMMARY_COLUMNS });
}

/** The user's submission with this id at this lab, or null (someone else's reads as missing). */
export async function selectOwnSubmission(db: Db, userId: string, labSlug: string, id: string): Promise<SubmissionRow | null> {
  return db.labSubmission.findFirst({ where: { id, userId, labSlug }, select: SUMMARY_COLUMNS });
}

/** The user's latest submissions at one lab, newest first. */
export async function listOwnSubmissions(db: Db, userId: string, labSlug: string, limit = 20): Promise<SubmissionRow[]> {
  return db.labSubmission.findMany({ where: { userId, labSlug }, orderBy: { createdAt: "desc" }, take: limit, select: SUMMARY_COLUMNS });
}

/** The user's newest submission per lab: one index probe per lab via DISTINCT ON. */
export async function selectLatestPerLab(db: Db, userId: string): Promise<Map<string, { status: string; passed: boolean | null; createdAt: Date }>> {
  const rows = await db.$queryRaw<{ labSlug: string; status: string; passed: boolean | null; createdAt: Date }[]>`
    SELECT DISTINCT ON ("labSlug") "labSlug", status::text AS status, passed, "createdAt"
    FROM lab_submission WHERE "userId" = ${userId}
    ORDER BY "labSlug", "createdAt" DESC`;
  return new Map(rows.map(({ labSlug, ...rest }) => [labSlug, rest]));
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
export async function claimNextSubmission(db: Db, now: Date): Promise<ClaimedJob | null> {
  const rows = await db.$queryRaw<ClaimedJob[]>`
    UPDATE lab_submission SET status = 'RUNNING', attempts = attempts + 1, "startedAt" = ${now}, "finishedAt" = NULL
    WHERE id = (
      SELECT id FROM lab_submission WHERE status = 'QUEUED'
      ORDER BY "createdAt" FOR UPDATE SKIP LOCKED LIMIT 1)
    RETURNING id::text AS id, attempts`;
  return rows[0] ?? null;
}

/** The stored tensor of a claimed job. */
export async function selectJobInput(db: Db, id: string): Promise<{ labSlug: string; seed: number; shape: number[]; outputs: Uint8Array }> {
  return db.labSubmission.findUniqueOrThrow({ where: { id }, select: { labSlug: true, seed: true, shape: true, outputs: true } });
}

/**
 * Stores the grade of attempt `attempt`. Writes nothing (returns false) when
 * the job was meanwhile reclaimed and claimed again: the newer attempt owns it.
 */
export async function completeSubmission(db: Db, job: ClaimedJob, result: LabGradeResult, now: Date): Promise<boolean> {
  const { count } = await db.labSubmission.updateMany({
    where: { id: job.id, status: "RUNNING", attempts: job.attempts },
    data: { status: "DONE", passed: result.passed, result: result as unknown as Prisma.InputJsonObject, backend: result.backend, error: null, finishedAt: now },
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
  const rows = await db.$queryRaw<{ status: string }[]>`
    UPDATE lab_submission SET
      status = CASE WHEN attempts >= ${maxAttempts} THEN 'FAILED'::"JobStatus" ELSE 'QUEUED'::"JobStatus" END,
      error = CASE WHEN attempts >= ${maxAttempts}
        THEN ${`Grading stopped ${maxAttempts} times without finishing; this submission was not graded.`}
        ELSE 'A grading worker stopped before finishing; queued again.' END,
      "finishedAt" = CASE WHEN attempts >= ${maxAttempts} THEN ${now}::timestamp(3) ELSE NULL END
    WHERE status = 'RUNNING' AND "startedAt" < ${staleBefore}
    RETURNING status::text AS status`;
  return { requeued: rows.filter((r) => r.status === "QUEUED").length, failed: rows.filter((r) => r.status === "FAILED").length };
}
