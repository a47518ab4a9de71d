// GET /api/exercises/{slug}?seed=N — one variant (the numbers for that seed), without answers.
import { randomInt } from "node:crypto";
import { findExercise } from "@/exercises";
import { ExerciseParamsSchema, VariantQuerySchema } from "@/lib/attempts/grade-schemas";
import { requireUserId } from "@/lib/auth/current-user";
import { notFound } from "@/lib/errors/app-error";
import { quoteInput } from "@/lib/errors/quote-input";
import { MAX_SEED, toVariantView } from "@/lib/grading/exercise-view";
import { parseQuery, parseValue } from "@/lib/http/parse";
import { route } from "@/lib/http/route";

export const GET = route<{ params: Promise<{ slug: string }> }>(async (request, context) => {
  await requireUserId(request, new Date());
  const { slug } = parseValue(await context.params, ExerciseParamsSchema);
  const { seed } = parseQuery(request.url, VariantQuerySchema);
  const exercise = findExercise(slug);
  if (!exercise) throw notFound(`Exercise ${quoteInput(slug)}`);
  return Response.json(toVariantView(exercise, seed ?? randomInt(MAX_SEED)));
});
