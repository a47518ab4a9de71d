// POST /api/grills/{id}/items/{position}/answer — answer one question once: { answer: text } for an interview
//   question, { answers: { step: text } } for a numeric one, plus { timeMs } as measured on screen. Always 200 with
//   the item and its reveal (numeric: graded, and stored as an exercise attempt), `stored` and `duplicate` as
//   POST /api/grade names them (a retry with the same answer → `duplicate: true` with the stored item; `stored`
//   false when a numeric step could not be read); a different second answer, or any answer to a finished grill, is 409.
import { requireUserId } from "@/lib/auth/current-user";
import { db } from "@/lib/db/client";
import { answerGrillItem } from "@/lib/grills/answer-item";
import { GrillAnswerBodySchema, GrillItemParamsSchema } from "@/lib/grills/grill-schemas";
import { parseJsonBody, parseValue } from "@/lib/http/parse";
import { route } from "@/lib/http/route";
import { catalogue } from "@/exercises/catalogue";

export const POST = route<{ params: Promise<{ id: string; position: string }> }>(async (request, context) => {
  const now = new Date();
  const userId = await requireUserId(request, now);
  const { id, position } = parseValue(await context.params, GrillItemParamsSchema);
  const body = await parseJsonBody(request, GrillAnswerBodySchema, 16 * 1024);
  const outcome = await answerGrillItem(db(), catalogue, { userId, grillId: id, position, ...body }, now);
  return Response.json(outcome);
});
