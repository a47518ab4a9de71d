// GET /api/library — every module the user can see (the public course and their own), whether it feeds their review, its own settings, and its new / learning / due counts.
import { requireUserId } from "@/lib/auth/current-user";
import { db } from "@/lib/db/client";
import { route } from "@/lib/http/route";
import { getLibrary } from "@/lib/modules/library";
import { catalogue } from "@/exercises/catalogue";

export const dynamic = "force-dynamic";

export const GET = route(async (request) => {
  const now = new Date();
  const userId = await requireUserId(request, now);
  return Response.json(await getLibrary(db(), catalogue, userId, now));
});
