// GET /api/exercises/{slug}/history — the learner's variants of an exercise (tries, reveal, named mistakes) and accuracy per step.
import { loadExerciseHistory } from "@/lib/attempts/exercise-history";
import { ExerciseParamsSchema } from "@/lib/attempts/grade-schemas";
import { requireUserId } from "@/lib/auth/current-user";
import { db } from "@/lib/db/client";
import { parseValue } from "@/lib/http/parse";
import { route } from "@/lib/http/route";
import { catalogue } from "@/exercises/catalogue";

export const GET = route<{ params: Promise<{ slug: string }> }>(async (request, context) => {
  const userId = await requireUserId(request, new Date());
  const { slug } = parseValue(await context.params, ExerciseParamsSchema);
  return Response.json(await loadExerciseHistory(db(), catalogue, userId, slug));
});
