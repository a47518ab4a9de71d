// POST /api/reschedule/{id}/undo — put back the due dates a reschedule run changed, except on cards reviewed since (counted). Repeating it is a no-op.
import { requireUserId } from "@/lib/auth/current-user";
import { db } from "@/lib/db/client";
import { parseValue } from "@/lib/http/parse";
import { route } from "@/lib/http/route";
import { RescheduleIdParamsSchema } from "@/lib/reschedule/reschedule-schemas";
import { undoReschedule } from "@/lib/reschedule/undo-reschedule";

export const dynamic = "force-dynamic";

type Context = { params: Promise<{ id: string }> };

export const POST = route<Context>(async (request, context) => {
  const now = new Date();
  const userId = await requireUserId(request, now);
  const { id } = parseValue(await context.params, RescheduleIdParamsSchema);
  return Response.json(await undoReschedule(db(), userId, id, now));
});
