// POST /api/grade — grade typed answers for one variant and store the attempt for the user (200, `stored` says whether it is kept).
import { randomUUID } from "node:crypto";
import { gradeAttempt } from "@/lib/attempts/grade-attempt";
import { GradePostBodySchema } from "@/lib/attempts/grade-schemas";
import { requireUserId } from "@/lib/auth/current-user";
import { db } from "@/lib/db/client";
import { parseJsonBody } from "@/lib/http/parse";
import { route } from "@/lib/http/route";
import { catalogue } from "@/exercises/catalogue";

export const POST = route(async (request) => {
  const now = new Date();
  const userId = await requireUserId(request, now);
  const body = await parseJsonBody(request, GradePostBodySchema, 16 * 1024);
  const attempt = { userId, attemptId: body.id ?? randomUUID(), slug: body.exercise, seed: body.seed, answers: body.answers, durationMs: body.durationMs };
  return Response.json(await gradeAttempt(db(), catalogue, attempt, now));
});
