// One step of a grading worker: take back jobs whose worker died, claim the
// oldest queued submission, grade it with the lab's reference and store the
// verdict. Process concerns (LISTEN, sleeping, signals) live in
// scripts/lab-worker.ts; everything here is a function of the database and
// the clock, so tests drive it directly.
import type { Db } from "../../db/client";
import { gradeLabOutput, type LabLookup } from "..";
import { fromFloat64Chunks } from "../tensor-file";
import { claimNextSubmission, completeSubmission, reclaimStaleSubmissions, releaseFailedAttempt, selectJobInput, type ClaimedJob } from "./submission-rows";

/** Attempts a submission gets before it is marked FAILED. */
export const MAX_GRADING_ATTEMPTS = 3;

export type JobOutcome =
  | { kind: "idle" }
  | { kind: "done"; id: string; passed: boolean; backend: string; gradingMs: number }
  | { kind: "failed"; id: string; status: "QUEUED" | "FAILED"; error: string }
  | { kind: "lost"; id: string };

/**
 * Reclaims RUNNING jobs started more than `staleMs` before `now` (see
 * reclaimStaleSubmissions); `now` is the worker's clock. The worker passes
 * LAB_STALE_JOB_SECONDS: grading takes well under a minute, so a job older
 * than that lost its worker.
 */
export async function reclaimStale(db: Db, now: Date, staleMs: number): Promise<{ requeued: number; failed: number }> {
  return reclaimStaleSubmissions(db, new Date(now.getTime() - staleMs), MAX_GRADING_ATTEMPTS, now);
}

/**
 * Claims and grades one submission. `clock` is read at claim and at finish,
 * so stored timestamps bracket the grading. Returns "idle" when nothing is
 * queued. A grading error costs the job an attempt; it is not thrown.
 */
export async function gradeNextSubmission(db: Db, labs: LabLookup, clock: () => Date): Promise<JobOutcome> {
  const job = await claimNextSubmission(db, clock());
  if (!job) return { kind: "idle" };
  let outcome: Awaited<ReturnType<typeof gradeJob>>;
  try {
    outcome = await gradeJob(db, labs, job);
  } catch (error) {
    outcome = { ok: false, error: `Grading failed: ${error instanceof Error ? error.message : String(error)}`, final: false };
  }
  if (!outcome.ok) {
    const failure = { error: outcome.error, permanent: outcome.final };
    const status = await releaseFailedAttempt(db, job, failure, MAX_GRADING_ATTEMPTS, clock());
    // Reclaimed meanwhile: the newer attempt owns the row, as when a grade comes too late.
    if (status === "lost") return { kind: "lost", id: job.id };
    return { kind: "failed", id: job.id, status, error: outcome.error };
  }
  const stored = await completeSubmission(db, job, outcome.result, clock());
  if (!stored) return { kind: "lost", id: job.id };
  return { kind: "done", id: job.id, passed: outcome.result.passed, backend: outcome.result.backend, gradingMs: outcome.result.gradingMs };
}

type GradeOutcome = { ok: true; result: Awaited<ReturnType<typeof gradeLabOutput>> } | { ok: false; error: string; final: boolean };

async function gradeJob(db: Db, labs: LabLookup, job: ClaimedJob): Promise<GradeOutcome> {
  const row = await selectJobInput(db, job.id);
  const lab = labs.findLab(row.labSlug);
  // Retrying cannot bring back a lab that left the catalogue.
  if (!lab) return { ok: false, error: `The lab "${row.labSlug}" no longer exists.`, final: true };
  const data = fromFloat64Chunks(row.chunks);
  if (row.prunedAt || data.byteLength !== row.outputBytes) {
    return { ok: false, error: "The uploaded output is no longer stored, so it cannot be graded.", final: true };
  }
  const result = await gradeLabOutput(lab, row.seed, { shape: row.shape, data });
  return { ok: true, result };
}
