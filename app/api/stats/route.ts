// GET /api/stats — the signed-in user's due forecast, review heatmap, true retention and streak.
import { requireUserId } from "@/lib/auth/current-user";
import { db } from "@/lib/db/client";
import { route } from "@/lib/http/route";
import { getStats } from "@/lib/stats/get-stats";

export const dynamic = "force-dynamic";

export const GET = route(async (request) => {
  const now = new Date();
  const userId = await requireUserId(request, now);
  return Response.json(await getStats(db(), userId, now));
});
