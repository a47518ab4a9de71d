// GET /api/cards/{id} — one card: rendered faces, module, tags, the user's schedule of it and its review history.
import { requireUserId } from "@/lib/auth/current-user";
import { getCardInfo } from "@/lib/cards/card-info";
import { CardIdParamsSchema } from "@/lib/cards/card-schemas";
import { db } from "@/lib/db/client";
import { parseValue } from "@/lib/http/parse";
import { route } from "@/lib/http/route";

export const dynamic = "force-dynamic";

export const GET = route<{ params: Promise<{ id: string }> }>(async (request, context) => {
  const now = new Date();
  const userId = await requireUserId(request, now);
  const { id } = parseValue(await context.params, CardIdParamsSchema);
  return Response.json({ card: await getCardInfo(db(), userId, id, now) });
});
