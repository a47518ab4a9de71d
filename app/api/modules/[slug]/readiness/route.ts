// GET /api/modules/{slug}/readiness — one module's readiness for the user: checklist, recall retention, exercise accuracy, open misconceptions, next step.
import { requireUserId } from "@/lib/auth/current-user";
import { ModuleParamsSchema } from "@/lib/checklists/checklist-schemas";
import { db } from "@/lib/db/client";
import { parseValue } from "@/lib/http/parse";
import { route } from "@/lib/http/route";
import { getModuleReadiness } from "@/lib/readiness/module-readiness";
import { catalogue } from "@/exercises/catalogue";

export const dynamic = "force-dynamic";

export const GET = route<{ params: Promise<{ slug: string }> }>(async (request, context) => {
  const now = new Date();
  const userId = await requireUserId(request, now);
  const { slug } = parseValue(await context.params, ModuleParamsSchema);
  return Response.json(await getModuleReadiness(db(), catalogue, userId, slug, now));
});
