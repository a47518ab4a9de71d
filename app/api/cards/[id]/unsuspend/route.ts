// POST /api/cards/{id}/unsuspend — put a suspended card (a leech) back into the user's reviews.
import { requireUserId } from "@/lib/auth/current-user";
import { db } from "@/lib/db/client";
import { parseValue } from "@/lib/http/parse";
import { route } from "@/lib/http/route";
import { IdParamsSchema } from "@/lib/reviews/review-schemas";
import { unsuspendCard } from "@/lib/reviews/suspension";

export const POST = route<{ params: Promise<{ id: string }> }>(async (request, context) => {
  const now = new Date();
  const userId = await requireUserId(request, now);
  const { id } = parseValue(await context.params, IdParamsSchema);
  await unsuspendCard(db(), userId, id, now);
  return new Response(null, { status: 204 });
});
