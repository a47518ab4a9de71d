// POST /api/drawings/{slug}/attempts — grade a drawing (mask grid, block assembly or self-checked sketch) and store the attempt once per id (200, `stored` and `duplicate` as POST /api/grade names them).
import { requireUserId } from "@/lib/auth/current-user";
import { db } from "@/lib/db/client";
import { recordDrawingAttempt } from "@/lib/drawing/record-drawing-attempt";
import { DrawingAttemptBodySchema, DrawingParamsSchema } from "@/lib/drawing/drawing-schemas";
import { DRAWING_BODY_LIMIT_BYTES } from "@/lib/drawing/drawing-limits";
import { parseJsonBody, parseValue } from "@/lib/http/parse";
import { route } from "@/lib/http/route";
import { catalogue } from "@/exercises/catalogue";

export const POST = route<{ params: Promise<{ slug: string }> }>(async (request, context) => {
  const now = new Date();
  const userId = await requireUserId(request, now);
  const { slug } = parseValue(await context.params, DrawingParamsSchema);
  const body = await parseJsonBody(request, DrawingAttemptBodySchema, DRAWING_BODY_LIMIT_BYTES);
  const attempt = { userId, attemptId: body.id, slug, seed: body.seed, answer: body.answer, durationMs: body.durationMs };
  return Response.json(await recordDrawingAttempt(db(), catalogue, attempt, now));
});
