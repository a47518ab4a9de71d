// GET /api/presets — the user's settings (the default preset) and their named presets.
// POST /api/presets — create one: { id (a UUID you make), name, ...options }; options not sent are copied from your settings. Repeating the same id returns it (200).
import { requireUserId } from "@/lib/auth/current-user";
import { db } from "@/lib/db/client";
import { parseJsonBody } from "@/lib/http/parse";
import { route } from "@/lib/http/route";
import { NewPresetSchema } from "@/lib/presets/preset-schemas";
import { createPreset, listPresets } from "@/lib/presets/presets";

export const dynamic = "force-dynamic";

export const GET = route(async (request) => {
  const userId = await requireUserId(request, new Date());
  return Response.json(await listPresets(db(), userId));
});

export const POST = route(async (request) => {
  const now = new Date();
  const userId = await requireUserId(request, now);
  const input = await parseJsonBody(request, NewPresetSchema, 4096);
  const { preset, created } = await createPreset(db(), userId, input, now);
  return Response.json({ preset }, { status: created ? 201 : 200 });
});
