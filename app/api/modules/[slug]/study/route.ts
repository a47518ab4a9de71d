// PATCH /api/modules/{slug}/study — how a module (the public course included) feeds the user's daily review: { studying?, presetId?: uuid | null, desiredRetention?: number | null, newCardsPerDay?: number | null }; answers { rescheduleReason: "RETENTION" | null } (the module's retention changed: its review cards may be rescheduled to match).
import { requireUserId } from "@/lib/auth/current-user";
import { db } from "@/lib/db/client";
import { parseJsonBody, parseValue } from "@/lib/http/parse";
import { route } from "@/lib/http/route";
import { setStudyChoice } from "@/lib/modules/manage-modules";
import { ModuleSlugParamsSchema, StudyPatchSchema } from "@/lib/modules/module-schemas";

export const dynamic = "force-dynamic";

export const PATCH = route<{ params: Promise<{ slug: string }> }>(async (request, context) => {
  const now = new Date();
  const userId = await requireUserId(request, now);
  const { slug } = parseValue(await context.params, ModuleSlugParamsSchema);
  const patch = await parseJsonBody(request, StudyPatchSchema, 4096);
  return Response.json(await setStudyChoice(db(), userId, slug, patch, now));
});
