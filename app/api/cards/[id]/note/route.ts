// GET /api/cards/{id}/note — the note of one of your own cards, as the editor opens it.
import { requireUserId } from "@/lib/auth/current-user";
import { loadNote } from "@/lib/cards/card-editor";
import { CardIdParamsSchema } from "@/lib/cards/card-schemas";
import { db } from "@/lib/db/client";
import { parseValue } from "@/lib/http/parse";
import { route } from "@/lib/http/route";

export const dynamic = "force-dynamic";

export const GET = route<{ params: Promise<{ id: string }> }>(async (request, context) => {
  const userId = await requireUserId(request, new Date());
  const { id } = parseValue(await context.params, CardIdParamsSchema);
  return Response.json({ note: await loadNote(db(), userId, id) });
});
