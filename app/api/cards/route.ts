// GET /api/cards — search and browse the user's cards: full-text `q`, filters, sort, keyset paging.
// POST /api/cards — write a new note into one of your own modules: { id: uuid, module: slug, draft }; a retry with the same id returns the note (200) instead of making another (201).
import { requireUserId } from "@/lib/auth/current-user";
import { NewNoteBodySchema } from "@/lib/cards/card-draft";
import { createNote } from "@/lib/cards/card-editor";
import { CardSearchQuerySchema } from "@/lib/cards/card-schemas";
import { searchCards } from "@/lib/cards/card-search";
import { db } from "@/lib/db/client";
import { parseJsonBody, parseQuery } from "@/lib/http/parse";
import { route } from "@/lib/http/route";

export const dynamic = "force-dynamic";

export const GET = route(async (request) => {
  const now = new Date();
  const userId = await requireUserId(request, now);
  const query = parseQuery(request.url, CardSearchQuerySchema);
  return Response.json(await searchCards(db(), userId, query, now));
});

export const POST = route(async (request) => {
  const now = new Date();
  const userId = await requireUserId(request, now);
  const body = await parseJsonBody(request, NewNoteBodySchema);
  const { note, created } = await createNote(db(), userId, body, now);
  return Response.json({ note }, { status: created ? 201 : 200 });
});
