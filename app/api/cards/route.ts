// GET /api/cards — search and browse the user's cards: full-text `q`, filters, sort, keyset paging.
import { requireUserId } from "@/lib/auth/current-user";
import { searchCards } from "@/lib/cards/card-search";
import { CardSearchQuerySchema } from "@/lib/cards/card-schemas";
import { db } from "@/lib/db/client";
import { parseQuery } from "@/lib/http/parse";
import { route } from "@/lib/http/route";

export const dynamic = "force-dynamic";

export const GET = route(async (request) => {
  const now = new Date();
  const userId = await requireUserId(request, now);
  const query = parseQuery(request.url, CardSearchQuerySchema);
  return Response.json(await searchCards(db(), userId, query, now));
});
