// The response that serves a stored image: its sniffed type, never sniffed
// again by the browser, shown inline, unable to run or load anything, and
// cached for good under its SHA-256 (the bytes behind an id never change).
import type { Db } from "../db/client";
import { selectOptionalVisibleImage } from "../data/card-image";
import { notFound } from "../errors/app-error";

/** An image's response for `userId`; 304 when `ifNoneMatch` names it; 404 when they may not see a card of its module. */
export async function imageResponse(db: Db, userId: string, id: string, ifNoneMatch: string | null): Promise<Response> {
  const image = await selectOptionalVisibleImage(db, id, userId);
  if (!image) throw notFound("Image");
  const etag = `"${image.sha256}"`;
  const headers = {
    "Content-Type": image.contentType,
    "X-Content-Type-Options": "nosniff",
    "Content-Disposition": "inline",
    "Content-Security-Policy": "default-src 'none'; sandbox",
    // Private: whether one may see it depends on who asks.
    "Cache-Control": "private, max-age=31536000, immutable",
    ETag: etag,
  };
  if (ifNoneMatch?.split(",").some((tag) => tag.trim() === etag)) return new Response(null, { status: 304, headers });
  return new Response(Buffer.from(image.bytes), { headers: { ...headers, "Content-Length": String(image.byteSize) } });
}
