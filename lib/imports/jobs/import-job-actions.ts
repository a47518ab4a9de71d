// What a learner does with an import job after the upload: look at it, and
// turn a finished preview into the import itself (the same stored upload,
// run again as a commit; asking twice changes nothing).
import type { PrismaClient } from "../../db/generated/client";
import { conflict, notFound, rateLimited } from "../../errors/app-error";
import { lockUserImports, queueCommit, selectImportUsage, selectOwnImportJob } from "./import-job-rows";
import { toImportJobView, type ImportJobView } from "./import-job-view";
import { IMPORT_JOB_LIMITS, type ImportJobLimits } from "./queue-anki-upload";

/** The user's job; NOT_FOUND for an id that is not theirs. */
export async function getOwnImportJob(db: PrismaClient, userId: string, id: string): Promise<ImportJobView> {
  const row = await selectOwnImportJob(db, userId, id);
  if (!row) throw notFound("Import");
  return toImportJobView(row);
}

/**
 * Queues the commit of the user's previewed dry run and returns the job.
 * A job already committing or committed is returned as it is. Throws
 * NOT_FOUND for someone else's id, CONFLICT while the preview still runs,
 * after it failed or once its upload is gone, and RATE_LIMITED when the user
 * already has the most imports under way.
 */
export async function commitImportJob(
  db: PrismaClient,
  userId: string,
  id: string,
  limits: ImportJobLimits = IMPORT_JOB_LIMITS,
): Promise<{ job: ImportJobView; queued: boolean }> {
  const row = await selectOwnImportJob(db, userId, id);
  if (!row) throw notFound("Import");
  if (!row.dryRun) return { job: toImportJobView(row), queued: false };
  if (row.status === "FAILED") throw conflict(`The preview failed, so there is nothing to import: ${row.error ?? "upload the package again"}`);
  if (row.status !== "PREVIEWED") throw conflict("The preview is not finished yet: confirm once it is shown");
  if (row.uploadBytes === 0) throw conflict(row.error ?? "The uploaded package is no longer stored: upload it again");
  const queued = await db.$transaction(async (tx) => {
    await lockUserImports(tx, userId);
    const usage = await selectImportUsage(tx, userId);
    if (usage.unfinished >= limits.unfinished) {
      throw rateLimited(`You have ${usage.unfinished} imports under way; at most ${limits.unfinished} at once. Try again when one has finished.`, 30);
    }
    return queueCommit(tx, userId, id);
  });
  // A commit racing this one queued it first (queued false): either way the job now commits.
  return { job: await getOwnImportJob(db, userId, id), queued };
}
