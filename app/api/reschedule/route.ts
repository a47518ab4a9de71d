// POST /api/reschedule — { id, reason, dryRun?, asOf? }: recompute review cards' due dates from their memory state under the settings now in use (dryRun: only count). GET — your recent runs.
import { requireUserId } from "@/lib/auth/current-user";
import { db } from "@/lib/db/client";
import { parseJsonBody } from "@/lib/http/parse";
import { route } from "@/lib/http/route";
import { previewReschedule, runReschedule } from "@/lib/reschedule/reschedule";
import { RescheduleBodySchema } from "@/lib/reschedule/reschedule-schemas";
import { listRescheduleRuns } from "@/lib/reschedule/undo-reschedule";

export const dynamic = "force-dynamic";

export const GET = route(async (request) => {
  const userId = await requireUserId(request, new Date());
  return Response.json({ runs: await listRescheduleRuns(db(), userId) });
});

export const POST = route(async (request) => {
  const now = new Date();
  const userId = await requireUserId(request, now);
  const body = await parseJsonBody(request, RescheduleBodySchema, 1024);
  if (body.dryRun) return Response.json({ dryRun: true, ...(await previewReschedule(db(), userId, now)) });
  const asOf = body.asOf === undefined ? undefined : new Date(body.asOf);
  return Response.json({ dryRun: false, ...(await runReschedule(db(), userId, { id: body.id, reason: body.reason, asOf }, now)) });
});
