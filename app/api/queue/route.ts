// GET /api/queue — today's cards for the signed-in user, rendered, with rating previews.
import { requireUserId } from "@/lib/auth/current-user";
import { db } from "@/lib/db/client";
import { route } from "@/lib/http/route";
import { getTodayQueue } from "@/lib/queue/today-queue";
import { catalogue } from "@/exercises/catalogue";

export const dynamic = "force-dynamic";

export const GET = route(async (request) => {
  const now = new Date();
  const userId = await requireUserId(request, now);
  return Response.json(await getTodayQueue(db(), catalogue, userId, now));
});
