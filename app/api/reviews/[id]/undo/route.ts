// POST /api/reviews/{id}/undo — undo the user's latest review of a card.
import { requireUserId } from "@/lib/auth/current-user";
import { db } from "@/lib/db/client";
import { parseValue } from "@/lib/http/parse";
import { route } from "@/lib/http/route";
import { IdParamsSchema } from "@/lib/reviews/review-schemas";
import { undoReview } from "@/lib/reviews/undo-review";

export const POST = route<{ params: Promise<{ id: string }> }>(async (request, context) => {
  const now = new Date();
  const userId = await requireUserId(request, now);
  const { id } = parseValue(await context.params, IdParamsSchema);
  return Response.json(await undoReview(db(), { userId, reviewId: id }, now));
});
