// PATCH /api/presets/{id} — change a preset's name or options; its modules are scheduled with them from the next review on. Answers { preset, rescheduleReason: "RETENTION" | null } (RETENTION: a module you study on it is now scheduled with another retention; a module's own retention wins over its preset's).
// DELETE /api/presets/{id} — delete it; its modules follow your settings again. Answers { rescheduleReason: "RETENTION" | null } (RETENTION: that moved a studied module's retention); deleting one already gone → { rescheduleReason: null }.
import { requireUserId } from "@/lib/auth/current-user";
import { db } from "@/lib/db/client";
import { parseJsonBody, parseValue } from "@/lib/http/parse";
import { route } from "@/lib/http/route";
import { PresetIdParamsSchema, PresetPatchSchema } from "@/lib/presets/preset-schemas";
import { changePreset, removePreset } from "@/lib/presets/presets";

export const dynamic = "force-dynamic";

type Context = { params: Promise<{ id: string }> };

export const PATCH = route<Context>(async (request, context) => {
  const now = new Date();
  const userId = await requireUserId(request, now);
  const { id } = parseValue(await context.params, PresetIdParamsSchema);
  const patch = await parseJsonBody(request, PresetPatchSchema, 4096);
  return Response.json(await changePreset(db(), userId, id, patch, now));
});

export const DELETE = route<Context>(async (request, context) => {
  const now = new Date();
  const userId = await requireUserId(request, now);
  const { id } = parseValue(await context.params, PresetIdParamsSchema);
  return Response.json(await removePreset(db(), userId, id));
});
