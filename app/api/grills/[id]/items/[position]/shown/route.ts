// POST /api/grills/{id}/items/{position}/shown — the page displays this question: the server notes the time (its own
//   clock, the first call only) and the question's clock runs from then. Always 200 with the item (its `leftMs`),
//   `stored` and `duplicate` as POST /api/grade names them (a reload or retry does not move it: `duplicate: true`).
//   An answered question or a finished grill is left as it is (`stored` false if it was never shown).
import { requireUserId } from "@/lib/auth/current-user";
import { db } from "@/lib/db/client";
import { showGrillItem } from "@/lib/grills/get-grill";
import { GrillItemParamsSchema } from "@/lib/grills/grill-schemas";
import { parseValue } from "@/lib/http/parse";
import { route } from "@/lib/http/route";
import { catalogue } from "@/exercises/catalogue";

export const POST = route<{ params: Promise<{ id: string; position: string }> }>(async (request, context) => {
  const now = new Date();
  const userId = await requireUserId(request, now);
  const { id, position } = parseValue(await context.params, GrillItemParamsSchema);
  const outcome = await showGrillItem(db(), catalogue, { userId, grillId: id, position }, now);
  return Response.json(outcome);
});
