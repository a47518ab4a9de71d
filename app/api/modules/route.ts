// GET /api/modules — every module the user is enrolled in, with its readiness (checklist, recall, exercises, next step).
// POST /api/modules — create an empty module of the user's own: { slug, title, description? }.
import { requireUserId } from "@/lib/auth/current-user";
import { db } from "@/lib/db/client";
import { parseJsonBody } from "@/lib/http/parse";
import { route } from "@/lib/http/route";
import { createModule } from "@/lib/modules/manage-modules";
import { NewModuleSchema } from "@/lib/modules/module-schemas";
import { listModuleReadiness } from "@/lib/readiness/module-readiness";
import { catalogue } from "@/exercises/catalogue";

export const dynamic = "force-dynamic";

export const GET = route(async (request) => {
  const now = new Date();
  const userId = await requireUserId(request, now);
  return Response.json({ modules: await listModuleReadiness(db(), catalogue, userId, now) });
});

export const POST = route(async (request) => {
  const now = new Date();
  const userId = await requireUserId(request, now);
  const module = await parseJsonBody(request, NewModuleSchema, 8192);
  return Response.json({ module: await createModule(db(), userId, module, now) }, { status: 201 });
});
