// GET /api/modules — every module the user is enrolled in, with its readiness (checklist, recall, exercises, next step).
import { requireUserId } from "@/lib/auth/current-user";
import { db } from "@/lib/db/client";
import { route } from "@/lib/http/route";
import { listModuleReadiness } from "@/lib/readiness/module-readiness";
import { catalogue } from "@/exercises/catalogue";

export const dynamic = "force-dynamic";

export const GET = route(async (request) => {
  const now = new Date();
  const userId = await requireUserId(request, now);
  return Response.json({ modules: await listModuleReadiness(db(), catalogue, userId, now) });
});
