// POST /api/grills/{id}/items/{position}/key-points — self-grade an answered interview question:
//   { keyPointsHit: [0-based indices] }; score = ticked / total (0 when the clock ran out). Once per item: always
//   200 with the item, `stored` and `duplicate` as POST /api/grade names them (a retry with the same ticks →
//   `duplicate: true`); different ticks 409.
import { requireUserId } from "@/lib/auth/current-user";
import { db } from "@/lib/db/client";
import { gradeKeyPoints } from "@/lib/grills/answer-item";
import { GrillItemParamsSchema, GrillKeyPointsBodySchema } from "@/lib/grills/grill-schemas";
import { parseJsonBody, parseValue } from "@/lib/http/parse";
import { route } from "@/lib/http/route";
import { catalogue } from "@/exercises/catalogue";

export const POST = route<{ params: Promise<{ id: string; position: string }> }>(async (request, context) => {
  const now = new Date();
  const userId = await requireUserId(request, now);
  const { id, position } = parseValue(await context.params, GrillItemParamsSchema);
  const body = await parseJsonBody(request, GrillKeyPointsBodySchema, 4096);
  const outcome = await gradeKeyPoints(db(), catalogue, { userId, grillId: id, position, keyPointsHit: body.keyPointsHit }, now);
  return Response.json(outcome);
});
