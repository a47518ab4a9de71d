// POST /api/grills — start a timed grill: { id: uuid, moduleId?, length: 1–20, difficulty: EASY|MEDIUM|HARD|ANY, secondsPerItem: 15–900 }.
//   The items are drawn from the grill id's seed and stored; a retry with the same id returns that grill (200, else 201).
// GET /api/grills?limit=30 — the user's grills, newest first: date, length, difficulty, clock, score.
import { requireUserId } from "@/lib/auth/current-user";
import { db } from "@/lib/db/client";
import { listGrills } from "@/lib/grills/grill-history";
import { GrillHistoryQuerySchema, GrillStartBodySchema } from "@/lib/grills/grill-schemas";
import { startGrill } from "@/lib/grills/start-grill";
import { parseJsonBody, parseQuery } from "@/lib/http/parse";
import { route } from "@/lib/http/route";
import { catalogue } from "@/exercises/catalogue";

export const POST = route(async (request) => {
  const now = new Date();
  const userId = await requireUserId(request, now);
  const body = await parseJsonBody(request, GrillStartBodySchema, 4096);
  const { grill, created } = await startGrill(
    db(),
    catalogue,
    {
      userId,
      grillId: body.id,
      moduleId: body.moduleId,
      length: body.length,
      difficulty: body.difficulty === "ANY" ? null : body.difficulty,
      secondsPerItem: body.secondsPerItem,
    },
    now,
  );
  return Response.json(grill, { status: created ? 201 : 200 });
});

export const GET = route(async (request) => {
  const userId = await requireUserId(request, new Date());
  const { limit } = parseQuery(request.url, GrillHistoryQuerySchema);
  return Response.json({ grills: await listGrills(db(), userId, limit) });
});
