// POST /api/reviews — record one review (idempotent on the client-generated id).
import { requireUserId } from "@/lib/auth/current-user";
import { db } from "@/lib/db/client";
import { parseJsonBody } from "@/lib/http/parse";
import { route } from "@/lib/http/route";
import { submitReview } from "@/lib/reviews/submit-review";
import { ReviewPostBodySchema } from "@/lib/reviews/review-schemas";
import { catalogue } from "@/exercises/catalogue";

export const POST = route(async (request) => {
  const now = new Date();
  const userId = await requireUserId(request, now);
  const body = await parseJsonBody(request, ReviewPostBodySchema, 4096);
  const result = await submitReview(
    db(),
    catalogue,
    {
      userId,
      reviewId: body.id,
      cardId: body.cardId,
      rating: body.rating,
      durationMs: body.durationMs,
      reviewedAt: body.reviewedAt === undefined ? undefined : new Date(body.reviewedAt),
    },
    now,
  );
  // Small and per user: sent as is (compressing it cost more CPU than it saved), and never stored by a cache.
  return Response.json(result, { status: result.duplicate ? 200 : 201, headers: { "cache-control": "no-store, no-transform" } });
});
