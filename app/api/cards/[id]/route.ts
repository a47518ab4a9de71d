// GET /api/cards/{id} — the note of one of your own cards, as the editor opens it.
// PATCH /api/cards/{id} — rewrite that note: { draft }; schedules stay, cloze numbers added or removed add or archive cards.
import { requireUserId } from "@/lib/auth/current-user";
import { CardIdParamsSchema, NotePatchBodySchema } from "@/lib/cards/card-draft";
import { editNote, loadNote } from "@/lib/cards/card-editor";
import { db } from "@/lib/db/client";
import { parseJsonBody, parseValue } from "@/lib/http/parse";
import { route } from "@/lib/http/route";

export const dynamic = "force-dynamic";

type Context = { params: Promise<{ id: string }> };

export const GET = route<Context>(async (request, context) => {
  const userId = await requireUserId(request, new Date());
  const { id } = parseValue(await context.params, CardIdParamsSchema);
  return Response.json({ note: await loadNote(db(), userId, id) });
});

export const PATCH = route<Context>(async (request, context) => {
  const now = new Date();
  const userId = await requireUserId(request, now);
  const { id } = parseValue(await context.params, CardIdParamsSchema);
  const { draft } = await parseJsonBody(request, NotePatchBodySchema);
  return Response.json({ note: await editNote(db(), userId, id, draft, now) });
});
