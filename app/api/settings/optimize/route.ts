// POST /api/settings/optimize — fit personal FSRS weights from the user's review log. DELETE — back to the defaults. GET — status.
import { requireUserId } from "@/lib/auth/current-user";
import { db } from "@/lib/db/client";
import { route } from "@/lib/http/route";
import { optimizeUserWeights, resetUserWeights, selectOptimizerStatus } from "@/lib/optimizer/optimize-weights";

export const dynamic = "force-dynamic";

export const GET = route(async (request) => {
  const userId = await requireUserId(request, new Date());
  return Response.json(await selectOptimizerStatus(db(), userId));
});

export const POST = route(async (request) => {
  const now = new Date();
  const userId = await requireUserId(request, now);
  return Response.json(await optimizeUserWeights(db(), userId, now));
});

export const DELETE = route(async (request) => {
  const now = new Date();
  const userId = await requireUserId(request, now);
  return Response.json(await resetUserWeights(db(), userId, now));
});
