// DELETE /api/tokens/{id} — revoke one of the user's API tokens.
import { revokeApiToken } from "@/lib/auth/api-tokens";
import { ApiTokenIdParamsSchema } from "@/lib/auth/api-token-schemas";
import { requireUserId } from "@/lib/auth/current-user";
import { db } from "@/lib/db/client";
import { parseValue } from "@/lib/http/parse";
import { route } from "@/lib/http/route";

export const DELETE = route<{ params: Promise<{ id: string }> }>(async (request, context) => {
  const now = new Date();
  const userId = await requireUserId(request, now);
  const { id } = parseValue(await context.params, ApiTokenIdParamsSchema);
  await revokeApiToken(db(), userId, id, now);
  return new Response(null, { status: 204 });
});
