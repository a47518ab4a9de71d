// GET /api/images/{id} — an image of a card, to whoever may see a card of its module (404 for anyone else).
import { requireUserId } from "@/lib/auth/current-user";
import { db } from "@/lib/db/client";
import { parseValue } from "@/lib/http/parse";
import { route } from "@/lib/http/route";
import { ImageParamsSchema } from "@/lib/images/image-request";
import { imageResponse } from "@/lib/images/serve-image";

export const dynamic = "force-dynamic";

export const GET = route<{ params: Promise<{ id: string }> }>(async (request, context) => {
  const userId = await requireUserId(request, new Date());
  const { id } = parseValue(await context.params, ImageParamsSchema);
  return imageResponse(db(), userId, id, request.headers.get("if-none-match"));
});
