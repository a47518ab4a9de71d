// What a request body is declared to be. JSON routes take only JSON types, so
// none of the bodies a cross-site form or a no-preflight fetch can send
// (form-encoded, multipart, text/plain) is ever read as a request; file
// uploads take raw bytes and refuse those same form types.
import { AppError } from "../errors/app-error";
import { quoteInput } from "../errors/quote-input";

/** Types a file upload may declare; an upload may also declare none. */
export const FILE_UPLOAD_TYPES: readonly string[] = ["application/octet-stream", "application/json", "application/x-npy", "application/zip"];

/**
 * Types an import (notes, CSV, TSV, an Anki package) may declare. Not text/plain: a page on
 * another site can send that without asking first.
 */
export const IMPORT_UPLOAD_TYPES: readonly string[] = [
  "application/octet-stream",
  "text/markdown",
  "text/x-markdown",
  "text/csv",
  "text/tab-separated-values",
  "application/zip",
  "application/x-zip-compressed",
];

/** The media type of the body, lower case without parameters ("application/json"), or null when none is declared. */
export function mediaType(headers: Headers): string | null {
  const essence = headers.get("content-type")?.split(";")[0]?.trim().toLowerCase();
  return essence ? essence : null;
}

/** `application/json` or a structured `+json` type such as `application/merge-patch+json`. */
export function isJsonMediaType(type: string | null): boolean {
  return type === "application/json" || (type !== null && /^application\/[a-z0-9.!#$&^_-]+\+json$/.test(type));
}

/** Throws UNSUPPORTED_MEDIA_TYPE (415) unless the body is declared JSON. */
export function requireJsonContentType(request: Request): void {
  const type = mediaType(request.headers);
  if (isJsonMediaType(type)) return;
  throw new AppError(
    "UNSUPPORTED_MEDIA_TYPE",
    `This route takes a JSON body: send it with Content-Type: application/json (got ${type === null ? "no content type" : quoteInput(type)}).`,
  );
}

/**
 * Throws UNSUPPORTED_MEDIA_TYPE (415) unless a file upload is sent as its raw
 * bytes: no content type, or one of `allowed` (FILE_UPLOAD_TYPES unless
 * given; the first is the one to recommend). Form uploads
 * (multipart/form-data, form-encoded, text/plain) are refused by name.
 */
export function requireFileContentType(request: Request, allowed: readonly string[] = FILE_UPLOAD_TYPES): void {
  const type = mediaType(request.headers);
  if (type === null || allowed.includes(type)) return;
  const [first, ...others] = allowed;
  throw new AppError(
    "UNSUPPORTED_MEDIA_TYPE",
    `Send the file itself as the request body, with Content-Type: ${first ?? "application/octet-stream"} (or ${[...others, ""].join(", ")}or none), not ${quoteInput(type)}.`,
  );
}
