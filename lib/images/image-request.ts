// The edge of the image routes: what an upload may declare itself as, and the
// parameters. The declared type only gates the request (so a cross-site form
// cannot post one); what is stored is what the bytes are.
import { z } from "zod";
import { SlugSchema } from "../content/schemas";
import { AppError } from "../errors/app-error";
import { quoteInput } from "../errors/quote-input";
import { mediaType } from "../http/content-type";

const UPLOAD_TYPES: readonly string[] = ["application/octet-stream", "image/png", "image/jpeg", "image/webp", "image/gif"];

/** Throws 415 unless the body is sent as raw bytes: no type, application/octet-stream or an accepted image type. */
export function requireImageContentType(request: Request): void {
  const type = mediaType(request.headers);
  if (type === null || UPLOAD_TYPES.includes(type)) return;
  if (type === "image/svg+xml") {
    throw new AppError("UNSUPPORTED_MEDIA_TYPE", "SVG images are refused: an SVG is a document that can carry scripts and links. Send PNG, JPEG, WebP or GIF.");
  }
  throw new AppError(
    "UNSUPPORTED_MEDIA_TYPE",
    `Send the image itself as the request body (PNG, JPEG, WebP or GIF, with Content-Type: application/octet-stream or its image type), not ${quoteInput(type)}.`,
  );
}

export const ImageUploadQuerySchema = z.object({ module: SlugSchema.describe("One of your own modules.") });
export const ImageParamsSchema = z.object({ id: z.uuid() });
/** The Content-Length header, when sent. */
export const DeclaredLengthSchema = z.coerce.number().int().min(0).optional();
