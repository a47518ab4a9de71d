// POST /api/cards/{id}/actions — suspend, unsuspend, bury, reset, set-due, add-tag, remove-tag, move or delete one card.
import { requireUserId } from "@/lib/auth/current-user";
import { actOnCard } from "@/lib/cards/act-on-cards";
import { CardActionSchema, CardIdParamsSchema } from "@/lib/cards/card-schemas";
import { db } from "@/lib/db/client";
import { parseJsonBody, parseValue } from "@/lib/http/parse";
import { route } from "@/lib/http/route";

export const POST = route<{ params: Promise<{ id: string }> }>(async (request, context) => {
  const now = new Date();
  const userId = await requireUserId(request, now);
  const { id } = parseValue(await context.params, CardIdParamsSchema);
  const action = await parseJsonBody(request, CardActionSchema, 8192);
  return Response.json(await actOnCard(db(), userId, id, action, now));
});
