// POST /api/grills/{id}/finish — finish the grill: score it and make every failed question's card due now in the
//   daily queue, in one transaction. Idempotent: finishing again returns the same summary.
import { requireUserId } from "@/lib/auth/current-user";
import { db } from "@/lib/db/client";
import { finishGrill } from "@/lib/grills/finish-grill";
import { GrillParamsSchema } from "@/lib/grills/grill-schemas";
import { parseValue } from "@/lib/http/parse";
import { route } from "@/lib/http/route";
import { catalogue } from "@/exercises/catalogue";

export const POST = route<{ params: Promise<{ id: string }> }>(async (request, context) => {
  const now = new Date();
  const userId = await requireUserId(request, now);
  const { id } = parseValue(await context.params, GrillParamsSchema);
  return Response.json(await finishGrill(db(), catalogue, userId, id, now));
});
