// GET /api/settings — the user's scheduling settings. PATCH — change some of them; the reply adds
// `rescheduleReason`, the reschedule the change calls for ("RETENTION", "BALANCING" or null).
import { requireUserId } from "@/lib/auth/current-user";
import { db } from "@/lib/db/client";
import { parseJsonBody } from "@/lib/http/parse";
import { route } from "@/lib/http/route";
import { SettingsPatchSchema } from "@/lib/settings/settings-schema";
import { selectUserSettings } from "@/lib/data/user-settings";
import { saveSettings } from "@/lib/settings/save-settings";
import { toSettingsView } from "@/lib/settings/settings-view";

export const dynamic = "force-dynamic";

export const GET = route(async (request) => {
  const userId = await requireUserId(request, new Date());
  return Response.json(toSettingsView(await selectUserSettings(db(), userId)));
});

export const PATCH = route(async (request) => {
  const now = new Date();
  const userId = await requireUserId(request, now);
  const patch = await parseJsonBody(request, SettingsPatchSchema, 4096);
  const { settings, rescheduleReason } = await saveSettings(db(), userId, patch, now);
  return Response.json({ ...toSettingsView(settings), rescheduleReason });
});
