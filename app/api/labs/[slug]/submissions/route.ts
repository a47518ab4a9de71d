// POST /api/labs/{slug}/submissions?seed=N[&id=uuid] — queue a lab output for grading; the body is the file (.npy, .npz or JSON). Always 202 with the submission as its poll URL returns it, plus `stored` and `duplicate` as POST /api/grade names them (the same id again → `duplicate`, the same submission).
// GET  /api/labs/{slug}/submissions — this user's submissions at the lab, newest first.
import { randomUUID } from "node:crypto";
import { requireUserId } from "@/lib/auth/current-user";
import { db } from "@/lib/db/client";
import { requireFileContentType } from "@/lib/http/content-type";
import { parseQuery, parseValue } from "@/lib/http/parse";
import { route } from "@/lib/http/route";
import { DeclaredLengthSchema, LabParamsSchema, SubmissionQuerySchema } from "@/lib/labs/submissions/lab-request-schemas";
import { listLabSubmissions } from "@/lib/labs/submissions/list-submissions";
import { submissionPostReply, submitLabOutput } from "@/lib/labs/submissions/submit-output";
import { catalogue } from "@/exercises/catalogue";

type Context = { params: Promise<{ slug: string }> };

export const POST = route<Context>(async (request, context) => {
  const now = new Date();
  const userId = await requireUserId(request, now);
  requireFileContentType(request);
  const { slug } = parseValue(await context.params, LabParamsSchema);
  const query = parseQuery(request.url, SubmissionQuerySchema);
  const declaredBytes = parseValue(request.headers.get("content-length") ?? undefined, DeclaredLengthSchema);
  const result = await submitLabOutput(db(), catalogue, {
    userId,
    submissionId: query.id ?? randomUUID(),
    slug,
    seed: query.seed,
    body: request.body,
    declaredBytes,
    now,
  });
  return Response.json(submissionPostReply(result), { status: 202, headers: { "cache-control": "no-store", location: result.submission.url } });
});

export const GET = route<Context>(async (request, context) => {
  const userId = await requireUserId(request, new Date());
  const { slug } = parseValue(await context.params, LabParamsSchema);
  return Response.json({ submissions: await listLabSubmissions(db(), catalogue, userId, slug) });
});
