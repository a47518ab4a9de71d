// Storing an image a learner pastes or uploads into one of their modules.
// Caps are checked before a byte is read (the declared length against the
// per-image cap and the room left in the user's quota), again while the body
// streams in, and once more inside the insert's transaction under the user's
// lock. The type is sniffed from the bytes. Equal bytes in one module are
// stored once.
import { createHash } from "node:crypto";
import type { Db } from "../db/client";
import type { Prisma } from "../db/generated/client";
import { insertCardImage, lockImageQuota, selectOptionalModuleImage, sumOwnImageBytes, type CardImageMeta } from "../data/card-image";
import { selectVisibleModuleRow } from "../data/module";
import { AppError, forbidden, notFound, rateLimited } from "../errors/app-error";
import { quoteInput } from "../errors/quote-input";
import { readCappedBody } from "../http/read-capped-body";
import { sniffImage } from "./sniff-image";

/** Largest image, in bytes (5 MiB). */
export const MAX_IMAGE_BYTES = 5 * 1024 * 1024;
/** Most image bytes one user may store, over all their modules (200 MiB). */
export const MAX_USER_IMAGE_BYTES = 200 * 1024 * 1024;

const MiB = (bytes: number) => `${(bytes / 2 ** 20).toFixed(1)} MiB`;
const TOO_LARGE = `An image may be at most ${MiB(MAX_IMAGE_BYTES)}; make it smaller (a screenshot as WebP or JPEG usually is).`;

/** A 429 that says what is stored and what the upload needs. The quota frees up only when images are deleted, so no timed retry helps; an hour is said. */
function quotaFull(used: number, needs: number): AppError {
  return rateLimited(
    `Your images take ${MiB(used)} of the ${MiB(MAX_USER_IMAGE_BYTES)} one account may store, and this one needs ${MiB(needs)}. Delete a module with images you no longer need.`,
    3600,
  );
}

export type StoredImage = CardImageMeta & { url: string; markdown: string };

export function imageUrl(id: string): string {
  return `/api/images/${id}`;
}

function toStored(meta: CardImageMeta): StoredImage {
  return { ...meta, url: imageUrl(meta.id), markdown: `![image](${imageUrl(meta.id)})` };
}

export type ImageUpload = { userId: string; moduleSlug: string; request: Request; declaredBytes: number | undefined; now: Date };

/**
 * Stores the body of `upload.request` as an image of the user's module
 * `moduleSlug`. Throws 404 (no such module of theirs), 403 (the public
 * course), 413 (over the per-image cap), 429 (over the user's quota), 422
 * (not an accepted image, with the reason).
 */
export async function storeImage(db: Db, upload: ImageUpload): Promise<{ image: StoredImage; created: boolean }> {
  const { userId, moduleSlug, now } = upload;
  const module = await selectVisibleModuleRow(db, userId, moduleSlug);
  if (!module) throw notFound(`Module ${quoteInput(moduleSlug)}`);
  if (module.scope !== userId) throw forbidden("The built-in course is read-only: add images to a module of your own");
  if (upload.declaredBytes !== undefined && upload.declaredBytes > MAX_IMAGE_BYTES) throw new AppError("PAYLOAD_TOO_LARGE", TOO_LARGE);
  const used = await sumOwnImageBytes(db, userId);
  if (upload.declaredBytes !== undefined && used + upload.declaredBytes > MAX_USER_IMAGE_BYTES) throw quotaFull(used, upload.declaredBytes);
  if (used >= MAX_USER_IMAGE_BYTES) throw quotaFull(used, upload.declaredBytes ?? 1);

  const bytes = await readCappedBody(upload.request, MAX_IMAGE_BYTES, TOO_LARGE);
  const sniffed = sniffImage(bytes);
  if (!sniffed.ok) throw new AppError("VALIDATION", `This file is refused: ${sniffed.reason}.`, [{ path: "body", message: sniffed.reason }]);
  const sha256 = createHash("sha256").update(bytes).digest("hex");

  const write = async (tx: Prisma.TransactionClient) => {
    await lockImageQuota(tx, userId);
    const same = await selectOptionalModuleImage(tx, module.id, sha256);
    if (same) return { image: toStored(same), created: false };
    const stored = await sumOwnImageBytes(tx, userId);
    if (stored + bytes.byteLength > MAX_USER_IMAGE_BYTES) throw quotaFull(stored, bytes.byteLength);
    const meta = await insertCardImage(
      tx,
      { ownerId: userId, moduleId: module.id, sha256, contentType: sniffed.type, width: sniffed.width, height: sniffed.height, bytes },
      now,
    );
    return { image: toStored(meta), created: true };
  };
  return "$transaction" in db ? db.$transaction(write) : write(db);
}
