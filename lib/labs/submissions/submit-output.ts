// A learner hands in a lab output: the file is read (JSON or .npy), checked
// against the caps, and stored QUEUED for a worker to grade. A retried post
// with the same client-generated id stores nothing new and answers with the
// submission as it stands.
import type { PrismaClient } from "../../db/generated/client";
import { AppError, conflict, notFound } from "../../errors/app-error";
import { findLab, MAX_LAB_OUTPUT_ELEMENTS } from "..";
import { decodeTensorFile, float64Bytes } from "../tensor-file";
import { insertSubmissionOnce, selectOptionalSubmission, type SubmissionRow } from "./submission-rows";
import { toSubmissionView, type SubmissionView } from "./submission-view";

export type SubmitOutputInput = {
  userId: string;
  submissionId: string;
  slug: string;
  seed: number;
  /** Reads the uploaded file as received (.npy bytes or UTF-8 JSON); called only once the lab and the id check out, so a bad request or a retry never reads a large body. */
  readFile: () => Promise<Uint8Array>;
  now: Date;
};

export type SubmitOutputResult = { submission: SubmissionView; duplicate: boolean };

/**
 * Validates and queues one submission. Throws NOT_FOUND for an unknown lab,
 * VALIDATION (with the codec's message) for an unreadable or oversized
 * tensor, and CONFLICT when the id belongs to another submission; in each
 * case nothing is stored.
 */
export async function submitLabOutput(db: PrismaClient, input: SubmitOutputInput): Promise<SubmitOutputResult> {
  const lab = findLab(input.slug);
  if (!lab) throw notFound(`Lab "${input.slug}"`);

  const earlier = await selectOptionalSubmission(db, input.submissionId);
  if (earlier) return { submission: await sameSubmission(db, earlier, input), duplicate: true };

  const decoded = decodeTensorFile(await input.readFile(), MAX_LAB_OUTPUT_ELEMENTS);
  if (!decoded.ok) {
    throw new AppError("VALIDATION", `Could not read the ${decoded.format === "npy" ? ".npy" : "JSON"} file: ${decoded.message}`, [
      { path: "body", message: decoded.message },
    ]);
  }
  const inserted = await db.$transaction((tx) =>
    insertSubmissionOnce(
      tx,
      {
        id: input.submissionId,
        userId: input.userId,
        labSlug: lab.slug,
        seed: input.seed,
        outputs: float64Bytes(decoded.tensor.data),
        shape: decoded.tensor.shape,
        format: decoded.format,
      },
      input.now,
    ),
  );
  const stored = await selectOptionalSubmission(db, input.submissionId);
  if (!stored) throw new AppError("INTERNAL", "The submission was not stored");
  // Two identical posts racing: the one that lost the insert answers like a retry.
  if (!inserted) return { submission: await sameSubmission(db, stored, input), duplicate: true };
  return { submission: await toSubmissionView(db, stored), duplicate: false };
}

async function sameSubmission(
  db: PrismaClient,
  row: SubmissionRow,
  input: SubmitOutputInput,
): Promise<SubmissionView> {
  if (row.userId !== input.userId || row.labSlug !== input.slug || row.seed !== input.seed) {
    throw conflict("This submission id is already in use");
  }
  return toSubmissionView(db, row);
}
