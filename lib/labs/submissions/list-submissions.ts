// Reading a learner's own submissions: one by id (polled while it is graded)
// and the history at a lab. Ownership is part of every query.
import type { Db } from "../../db/client";
import { notFound } from "../../errors/app-error";
import type { LabLookup } from "..";
import { listOwnSubmissions, selectOwnSubmission, selectUploadNumbers } from "./submission-rows";
import { toSubmissionSummary, toSubmissionView, type SubmissionView } from "./submission-view";

/** The user's submission `id` at lab `slug`; NOT_FOUND when it is missing or belongs to someone else. */
export async function getOwnSubmission(db: Db, userId: string, slug: string, id: string): Promise<SubmissionView> {
  const row = await selectOwnSubmission(db, userId, slug, id);
  if (!row) throw notFound("Submission");
  return toSubmissionView(db, row);
}

/** The user's latest submissions at a lab (at most `limit`), newest first; NOT_FOUND for an unknown lab. */
export async function listLabSubmissions(db: Db, labs: LabLookup, userId: string, slug: string, limit = 20): Promise<SubmissionView[]> {
  if (!labs.findLab(slug)) throw notFound(`Lab "${slug}"`);
  const rows = await listOwnSubmissions(db, userId, slug, limit);
  const uploads = await selectUploadNumbers(
    db,
    userId,
    slug,
    rows.map((r) => r.id),
  );
  return rows.map((row) => toSubmissionSummary(row, uploads.get(row.id) ?? 1));
}
