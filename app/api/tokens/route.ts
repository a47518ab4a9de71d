// GET /api/tokens — the user's active API tokens. POST — create one (the secret is shown once).
import { createApiToken, listApiTokens } from "@/lib/auth/api-tokens";
import { ApiTokenPostBodySchema } from "@/lib/auth/api-token-schemas";
import { requireUserId } from "@/lib/auth/current-user";
import { db } from "@/lib/db/client";
import { parseJsonBody } from "@/lib/http/parse";
import { route } from "@/lib/http/route";

export const dynamic = "force-dynamic";

export const GET = route(async (request) => {
  const userId = await requireUserId(request, new Date());
  return Response.json({ tokens: await listApiTokens(db(), userId) });
});

export const POST = route(async (request) => {
  const now = new Date();
  const userId = await requireUserId(request, now);
  const body = await parseJsonBody(request, ApiTokenPostBodySchema, 1024);
  return Response.json(await createApiToken(db(), userId, body.name, now), { status: 201 });
});
