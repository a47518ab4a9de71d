// GET /api/cards/{id} — one card: rendered faces, module, tags, the user's schedule of it and its review history.
// PATCH /api/cards/{id} — rewrite the note of one of your own cards: { draft }; schedules stay, cloze numbers added or removed add or archive cards.
import { requireUserId } from "@/lib/auth/current-user";
import { NotePatchBodySchema } from "@/lib/cards/card-draft";
import { editNote } from "@/lib/cards/card-editor";
import { getCardInfo } from "@/lib/cards/card-info";
import { CardIdParamsSchema } from "@/lib/cards/card-schemas";
import { db } from "@/lib/db/client";
import { parseJsonBody, parseValue } from "@/lib/http/parse";
import { route } from "@/lib/http/route";

export const dynamic = "force-dynamic";

type Context = { params: Promise<{ id: string }> };

export const GET = route<Context>(async (request, context) => {
  const now = new Date();
  const userId = await requireUserId(request, now);
  const { id } = parseValue(await context.params, CardIdParamsSchema);
  return Response.json({ card: await getCardInfo(db(), userId, id, now) });
});

export const PATCH = route<Context>(async (request, context) => {
  const now = new Date();
  const userId = await requireUserId(request, now);
  const { id } = parseValue(await context.params, CardIdParamsSchema);
  const { draft } = await parseJsonBody(request, NotePatchBodySchema);
  return Response.json({ note: await editNote(db(), userId, id, draft, now) });
});
