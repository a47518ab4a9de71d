// GET /api/exercises — the exercise catalogue: slug, title, topic, difficulty and steps.
import { EXERCISES } from "@/exercises";
import { requireUserId } from "@/lib/auth/current-user";
import { toExerciseSummary } from "@/lib/grading/exercise-view";
import { route } from "@/lib/http/route";

export const GET = route(async (request) => {
  await requireUserId(request, new Date());
  return Response.json({ exercises: EXERCISES.map(toExerciseSummary) });
});
