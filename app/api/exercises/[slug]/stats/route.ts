// GET /api/exercises/{slug}/stats — an exercise's or drawing prompt's anonymised figures across learners (shown from MIN_COHORT learners).
import { cachedExerciseStats } from "@/lib/attempts/exercise-stats-cache";
import { ExerciseParamsSchema } from "@/lib/attempts/grade-schemas";
import { requireUserId } from "@/lib/auth/current-user";
import { db } from "@/lib/db/client";
import { parseValue } from "@/lib/http/parse";
import { route } from "@/lib/http/route";
import { catalogue } from "@/exercises/catalogue";

export const GET = route<{ params: Promise<{ slug: string }> }>(async (request, context) => {
  const now = new Date();
  await requireUserId(request, now);
  const { slug } = parseValue(await context.params, ExerciseParamsSchema);
  return Response.json(await cachedExerciseStats(db(), catalogue, slug, now));
});
