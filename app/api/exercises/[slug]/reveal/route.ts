// POST /api/exercises/{slug}/reveal — show a variant's answers; the variant is finished (no further credit) from then on.
import { revealVariant } from "@/lib/attempts/reveal-variant";
import { ExerciseParamsSchema, RevealPostBodySchema } from "@/lib/attempts/grade-schemas";
import { requireUserId } from "@/lib/auth/current-user";
import { db } from "@/lib/db/client";
import { parseJsonBody, parseValue } from "@/lib/http/parse";
import { route } from "@/lib/http/route";
import { catalogue } from "@/exercises/catalogue";

export const POST = route<{ params: Promise<{ slug: string }> }>(async (request, context) => {
  const now = new Date();
  const userId = await requireUserId(request, now);
  const { slug } = parseValue(await context.params, ExerciseParamsSchema);
  const { seed } = await parseJsonBody(request, RevealPostBodySchema, 1024);
  return Response.json(await revealVariant(db(), catalogue, { userId, slug, seed }, now));
});
