// GET /api/modules/{slug}/checklist — the module's health check with the user's ticks, by section; evidence-linked items are settled first.
import { requireUserId } from "@/lib/auth/current-user";
import { ModuleParamsSchema } from "@/lib/checklists/checklist-schemas";
import { getModuleChecklist } from "@/lib/checklists/load-checklist";
import { db } from "@/lib/db/client";
import { parseValue } from "@/lib/http/parse";
import { route } from "@/lib/http/route";

export const dynamic = "force-dynamic";

export const GET = route<{ params: Promise<{ slug: string }> }>(async (request, context) => {
  const now = new Date();
  const userId = await requireUserId(request, now);
  const { slug } = parseValue(await context.params, ModuleParamsSchema);
  return Response.json(await getModuleChecklist(db(), userId, slug, now));
});
