// POST /api/settings/optimize?id=uuid — fit personal FSRS weights from the user's review log, measured against the weights in use; kept only when better. DELETE — back to the defaults. GET — status.
import { randomUUID } from "node:crypto";
import { z } from "zod";
import { requireUserId } from "@/lib/auth/current-user";
import { db } from "@/lib/db/client";
import { parseQuery } from "@/lib/http/parse";
import { route } from "@/lib/http/route";
import { optimizeUserWeights, resetUserWeights, selectOptimizerStatus } from "@/lib/optimizer/optimize-weights";

export const dynamic = "force-dynamic";

const OptimizeQuerySchema = z.object({
  id: z.uuid().optional().describe("Client-made id of this optimisation: a retry with the same id returns its result without fitting again"),
});

export const GET = route(async (request) => {
  const now = new Date();
  const userId = await requireUserId(request, now);
  return Response.json(await selectOptimizerStatus(db(), userId, now));
});

export const POST = route(async (request) => {
  const now = new Date();
  const userId = await requireUserId(request, now);
  const query = parseQuery(request.url, OptimizeQuerySchema);
  return Response.json(await optimizeUserWeights(db(), userId, query.id ?? randomUUID(), now));
});

export const DELETE = route(async (request) => {
  const now = new Date();
  const userId = await requireUserId(request, now);
  return Response.json(await resetUserWeights(db(), userId, now));
});
