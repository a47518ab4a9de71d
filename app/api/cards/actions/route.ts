// POST /api/cards/actions — one action on many cards: `selection` is their ids or every card a search matches.
import { requireUserId } from "@/lib/auth/current-user";
import { actOnCards } from "@/lib/cards/act-on-cards";
import { BulkActionBodySchema } from "@/lib/cards/card-schemas";
import { db } from "@/lib/db/client";
import { parseJsonBody } from "@/lib/http/parse";
import { route } from "@/lib/http/route";

export const POST = route(async (request) => {
  const now = new Date();
  const userId = await requireUserId(request, now);
  const { selection, ...action } = await parseJsonBody(request, BulkActionBodySchema, 256 * 1024);
  return Response.json(await actOnCards(db(), userId, selection, action, now));
});
