// Stored packages do not outlive their use: a commit or a failure deletes
// its upload at once, and a preview nobody confirmed keeps its upload
// UPLOAD_KEEP_MS (24 h). An upload whose app server died part-way is
// dropped after an hour. Run by the import worker every PRUNE_EVERY_MS.
import type { Db } from "../../db/client";
import { UPLOAD_KEEP_MS } from "../limits";
import { pruneImportUploads } from "./import-job-rows";

/** How often a worker prunes. */
export const PRUNE_EVERY_MS = 60 * 60 * 1000;
/** An upload still UPLOADING this long lost its app server (a 100 MiB body takes minutes even on a slow line). */
const ABANDONED_UPLOAD_MS = 60 * 60 * 1000;

/** Prunes what the policy no longer keeps at `now`; returns the jobs touched and the bytes freed. */
export async function pruneOldUploads(db: Db, now: Date): Promise<{ jobs: number; bytes: number }> {
  return pruneImportUploads(db, {
    previewedBefore: new Date(now.getTime() - UPLOAD_KEEP_MS),
    uploadingBefore: new Date(now.getTime() - ABANDONED_UPLOAD_MS),
  });
}
