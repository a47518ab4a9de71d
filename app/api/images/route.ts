// POST /api/images?module={slug} — store an image (PNG, JPEG, WebP or GIF; the body is the file) in one of your modules: 201 { image: { id, url, markdown, contentType, width, height, byteSize } }, 200 when the module already has these bytes.
import { requireUserId } from "@/lib/auth/current-user";
import { db } from "@/lib/db/client";
import { parseQuery, parseValue } from "@/lib/http/parse";
import { route } from "@/lib/http/route";
import { DeclaredLengthSchema, ImageUploadQuerySchema, requireImageContentType } from "@/lib/images/image-request";
import { storeImage } from "@/lib/images/store-image";

export const dynamic = "force-dynamic";

export const POST = route(async (request) => {
  const now = new Date();
  const userId = await requireUserId(request, now);
  requireImageContentType(request);
  const { module } = parseQuery(request.url, ImageUploadQuerySchema);
  const declaredBytes = parseValue(request.headers.get("content-length") ?? undefined, DeclaredLengthSchema);
  const { image, created } = await storeImage(db(), { userId, moduleSlug: module, request, declaredBytes, now });
  return Response.json({ image }, { status: created ? 201 : 200 });
});
