// GET /api/labs/{slug}/submissions/{id} — one of this user's submissions: status while queued/running, then the grade. Someone else's id is 404.
import { requireUserId } from "@/lib/auth/current-user";
import { db } from "@/lib/db/client";
import { parseValue } from "@/lib/http/parse";
import { route } from "@/lib/http/route";
import { getOwnSubmission } from "@/lib/labs/submissions/list-submissions";
import { SubmissionParamsSchema } from "@/lib/labs/submissions/lab-request-schemas";

export const GET = route<{ params: Promise<{ slug: string; id: string }> }>(async (request, context) => {
  const userId = await requireUserId(request, new Date());
  const { slug, id } = parseValue(await context.params, SubmissionParamsSchema);
  const submission = await getOwnSubmission(db(), userId, slug, id);
  return Response.json(submission, { headers: { "cache-control": "no-store" } });
});
