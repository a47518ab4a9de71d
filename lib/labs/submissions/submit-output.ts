// A learner hands in a lab output: the quota is checked, the file is read
// from the request body as it streams in (JSON or .npy, refused at the first
// byte that settles it), and the tensor is stored QUEUED for a worker to
// grade. A retried post with the same client-generated id stores nothing new
// and answers with the submission as it stands.
import type { PrismaClient } from "../../db/generated/client";
import { AppError, conflict, notFound } from "../../errors/app-error";
import { MAX_LAB_OUTPUT_ELEMENTS, type LabLookup } from "..";
import { maxUploadBytes, readTensorStream } from "../tensor-file";
import { enforceLabQuota, LAB_QUOTA, type LabQuota } from "./quota";
import { insertOutputChunks, insertSubmissionOnce, lockUserSubmissions, selectOptionalSubmission, type SubmissionRow } from "./submission-rows";
import { toSubmissionView, type SubmissionView } from "./submission-view";
import { uploadGate } from "./upload-gate";

/** The largest body accepted: the element cap written as JSON (any .npy of it is smaller). */
export const LAB_UPLOAD_LIMIT_BYTES = maxUploadBytes(MAX_LAB_OUTPUT_ELEMENTS);

/**
 * Time a body has to arrive once its upload holds one of the gate's slots:
 * 32 MiB at ~2.2 Mbit/s. A slower client would keep others waiting.
 */
export const LAB_UPLOAD_TIMEOUT_MS = 120_000;

const TOO_LARGE =
  `The upload is larger than ${(LAB_UPLOAD_LIMIT_BYTES / 2 ** 20).toFixed(1)} MiB: ` +
  `a lab output holds at most ${MAX_LAB_OUTPUT_ELEMENTS.toLocaleString("en-US")} elements`;

/**
 * The store transaction writes up to 128 chunks (8 MiB) and may wait for the
 * same user's other upload: more room than Prisma's defaults (2 s to start, 5 s to run).
 */
const STORE_TRANSACTION = { maxWait: 10_000, timeout: 60_000 };

export type SubmitOutputInput = {
  userId: string;
  submissionId: string;
  slug: string;
  seed: number;
  /** The uploaded file as it arrives (.npy bytes or UTF-8 JSON); read only once the lab, the id and the quota check out. */
  body: ReadableStream<Uint8Array> | null;
  /** The request's Content-Length, when it declared one: over the cap is refused before a byte is read. */
  declaredBytes?: number;
  now: Date;
  /** Limits to enforce; LAB_QUOTA unless a test sets its own. */
  quota?: LabQuota;
};

export type SubmitOutputResult = { submission: SubmissionView; duplicate: boolean };

/**
 * What POST …/submissions answers, always with 202: the submission, plus
 * `stored` and `duplicate` as POST /api/grade names them. Every answered
 * upload is kept (a refused one is an error), so `stored` is always true;
 * `duplicate` says an earlier post with this id stored it.
 */
export type SubmissionPostReply = SubmissionView & { stored: true; duplicate: boolean };

/** The reply body for one submit result. */
export function submissionPostReply({ submission, duplicate }: SubmitOutputResult): SubmissionPostReply {
  return { ...submission, stored: true, duplicate };
}

/**
 * Validates and queues one submission; the body is read and stored inside
 * the process's upload gate (UPLOAD_SLOTS at a time). Throws NOT_FOUND for an unknown lab,
 * RATE_LIMITED when the user is over a quota (before reading the body, and
 * again under the user's lock before storing), PAYLOAD_TOO_LARGE past the
 * byte cap, REQUEST_TIMEOUT when the body is slower than LAB_UPLOAD_TIMEOUT_MS,
 * VALIDATION (with the codec's message) for an unreadable or
 * oversized tensor, and CONFLICT when the id belongs to another submission;
 * in each case nothing is stored.
 */
export async function submitLabOutput(db: PrismaClient, labs: LabLookup, input: SubmitOutputInput): Promise<SubmitOutputResult> {
  const lab = labs.findLab(input.slug);
  if (!lab) throw notFound(`Lab "${input.slug}"`);

  const earlier = await selectOptionalSubmission(db, input.submissionId);
  if (earlier) return { submission: await sameSubmission(db, earlier, input), duplicate: true };

  if ((input.declaredBytes ?? 0) > LAB_UPLOAD_LIMIT_BYTES) throw new AppError("PAYLOAD_TOO_LARGE", TOO_LARGE);
  const quota = input.quota ?? LAB_QUOTA;
  await enforceLabQuota(db, input.userId, input.now, null, quota);

  const inserted = await uploadGate.run(() => readAndStore(db, input, lab.slug, quota));
  const stored = await selectOptionalSubmission(db, input.submissionId);
  if (!stored) throw new AppError("INTERNAL", "The submission was not stored");
  // Two identical posts racing: the one that lost the insert answers like a retry.
  if (!inserted) return { submission: await sameSubmission(db, stored, input), duplicate: true };
  return { submission: await toSubmissionView(db, stored), duplicate: false };
}

/** Reads the body into a tensor and stores it with its chunks; false when the id was taken meanwhile. */
async function readAndStore(db: PrismaClient, input: SubmitOutputInput, labSlug: string, quota: LabQuota): Promise<boolean> {
  const read = await readTensorStream(input.body, { maxElements: MAX_LAB_OUTPUT_ELEMENTS, maxBytes: LAB_UPLOAD_LIMIT_BYTES, timeoutMs: LAB_UPLOAD_TIMEOUT_MS });
  if (!read.ok && read.reason === "too-large") throw new AppError("PAYLOAD_TOO_LARGE", TOO_LARGE);
  if (!read.ok && read.reason === "too-slow")
    throw new AppError(
      "REQUEST_TIMEOUT",
      `The upload took too long: ${read.message}. Try again on a faster connection, or save the array as .npy (smaller than JSON).`,
    );
  if (!read.ok) throw new AppError("VALIDATION", `Could not read the ${read.format === "npy" ? ".npy" : "JSON"} file: ${read.message}`);

  const { shape, values, format } = read;
  const outputBytes = values.byteLength;
  try {
    return await db.$transaction(async (tx) => {
      await lockUserSubmissions(tx, input.userId);
      // A retry racing its original: the id is taken, so this is no new submission.
      if (await selectOptionalSubmission(tx, input.submissionId)) return false;
      await enforceLabQuota(tx, input.userId, input.now, outputBytes, quota);
      const row = { id: input.submissionId, userId: input.userId, labSlug, seed: input.seed, shape, format, outputBytes };
      if (!(await insertSubmissionOnce(tx, row, input.now))) return false;
      await insertOutputChunks(tx, input.submissionId, values.chunks());
      return true;
    }, STORE_TRANSACTION);
  } finally {
    values.release();
  }
}

async function sameSubmission(db: PrismaClient, row: SubmissionRow, input: SubmitOutputInput): Promise<SubmissionView> {
  if (row.userId !== input.userId || row.labSlug !== input.slug || row.seed !== input.seed) {
    throw conflict("This submission id is already in use");
  }
  return toSubmissionView(db, row);
}
