// PUT /api/modules/{slug}/checklist/{itemId} — tick or untick one item for the user ({ checked }); idempotent, 409 on items that tick themselves from evidence.
import { requireUserId } from "@/lib/auth/current-user";
import { ChecklistItemParamsSchema, ChecklistItemPutBodySchema } from "@/lib/checklists/checklist-schemas";
import { setChecklistItemState } from "@/lib/checklists/set-item-state";
import { db } from "@/lib/db/client";
import { parseJsonBody, parseValue } from "@/lib/http/parse";
import { route } from "@/lib/http/route";

export const PUT = route<{ params: Promise<{ slug: string; itemId: string }> }>(async (request, context) => {
  const now = new Date();
  const userId = await requireUserId(request, now);
  const { slug, itemId } = parseValue(await context.params, ChecklistItemParamsSchema);
  const { checked } = await parseJsonBody(request, ChecklistItemPutBodySchema, 1024);
  return Response.json(await setChecklistItemState(db(), { userId, moduleSlug: slug, itemId, checked }, now));
});
