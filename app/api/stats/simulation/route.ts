// GET /api/stats/simulation?retention=0.9&seed=1 — the next 365 days' workload at a desired retention, simulated on the user's own cards, and the minimum recommended retention.
import { requireUserId } from "@/lib/auth/current-user";
import { db } from "@/lib/db/client";
import { parseQuery } from "@/lib/http/parse";
import { route } from "@/lib/http/route";
import { forecastWorkload } from "@/lib/simulator/forecast-workload";
import { SimulationQuerySchema } from "@/lib/simulator/simulation-schemas";

export const dynamic = "force-dynamic";

export const GET = route(async (request) => {
  const now = new Date();
  const userId = await requireUserId(request, now);
  const query = parseQuery(request.url, SimulationQuerySchema);
  const forecast = await forecastWorkload(db(), userId, { desiredRetention: query.retention, seed: query.seed ?? 1 }, now);
  return Response.json(forecast, { headers: { "cache-control": "no-store" } });
});
