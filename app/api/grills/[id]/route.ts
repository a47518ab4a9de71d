// GET /api/grills/{id} — one of the user's grills: its items (the reveal only for answered ones), and the summary once finished.
//   The question the grill is on is marked shown (first time only): its clock runs from then, a reload does not restart it.
import { requireUserId } from "@/lib/auth/current-user";
import { db } from "@/lib/db/client";
import { getGrill } from "@/lib/grills/get-grill";
import { GrillParamsSchema } from "@/lib/grills/grill-schemas";
import { parseValue } from "@/lib/http/parse";
import { route } from "@/lib/http/route";
import { catalogue } from "@/exercises/catalogue";

export const GET = route<{ params: Promise<{ id: string }> }>(async (request, context) => {
  const now = new Date();
  const userId = await requireUserId(request, now);
  const { id } = parseValue(await context.params, GrillParamsSchema);
  return Response.json(await getGrill(db(), catalogue, userId, id, now));
});
