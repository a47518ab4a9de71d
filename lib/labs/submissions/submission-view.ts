// A stored submission as the API, the page and the CLI see it: status,
// the verdict once graded, and where to poll. The uploaded numbers stay in
// the database.
import type { Db } from "../../db/client";
import type { LabGradeResult } from "../lab-types";
import { countQueuedBefore, countUploadsUpTo, type SubmissionRow } from "./submission-rows";

export type SubmissionStatus = SubmissionRow["status"];

export type SubmissionView = {
  id: string;
  lab: string;
  seed: number;
  status: SubmissionStatus;
  /** How the file arrived: "npy", "npz" or "json". */
  format: SubmissionRow["format"];
  /** Shape of the submitted tensor. */
  shape: number[];
  /** Grading attempts started so far (a worker that dies costs one). */
  attempts: number;
  /** The learner's upload number at this lab and seed: 1 for the first file sent, 2 for the next, … */
  upload: number;
  /** While QUEUED: submissions ahead of this one (0 = next). */
  queuedAhead: number | null;
  passed: boolean | null;
  result: LabGradeResult | null;
  backend: string | null;
  /** Why grading failed (FAILED), or a note on a retry. */
  error: string | null;
  /** When the uploaded numbers were dropped by the retention policy (the grade stays); null while stored. */
  prunedAt: string | null;
  createdAt: string;
  startedAt: string | null;
  finishedAt: string | null;
  /** Path of GET /api/labs/{slug}/submissions/{id}. */
  url: string;
};

/** The API view of a row; reads the queue position only while the row waits. */
export async function toSubmissionView(db: Db, row: SubmissionRow): Promise<SubmissionView> {
  const [queuedAhead, upload] = await Promise.all([row.status === "QUEUED" ? countQueuedBefore(db, row.createdAt) : null, countUploadsUpTo(db, row)]);
  return toSubmissionSummary(row, upload, queuedAhead);
}

/** The view without the queue position (history lists); `upload` from {@link selectUploadNumbers}. */
export function toSubmissionSummary(row: SubmissionRow, upload: number, queuedAhead: number | null = null): SubmissionView {
  return {
    id: row.id,
    lab: row.labSlug,
    seed: row.seed,
    status: row.status,
    format: row.format,
    shape: row.shape,
    attempts: row.attempts,
    upload,
    queuedAhead,
    passed: row.passed,
    result: row.result,
    backend: row.backend,
    error: row.error,
    createdAt: row.createdAt.toISOString(),
    startedAt: row.startedAt?.toISOString() ?? null,
    finishedAt: row.finishedAt?.toISOString() ?? null,
    prunedAt: row.prunedAt?.toISOString() ?? null,
    url: submissionPath(row.labSlug, row.id),
  };
}

/** Where a submission's status is polled. */
export function submissionPath(slug: string, id: string): string {
  return `/api/labs/${encodeURIComponent(slug)}/submissions/${id}`;
}
