// POST /api/imports/{id}/commit — import a previewed Anki package: its stored upload runs again as a commit job (202); asking again returns the same job (200). Someone else's id is 404.
import { requireUserId } from "@/lib/auth/current-user";
import { db } from "@/lib/db/client";
import { parseValue } from "@/lib/http/parse";
import { route } from "@/lib/http/route";
import { ImportJobParamsSchema } from "@/lib/imports/import-schemas";
import { commitImportJob } from "@/lib/imports/jobs/import-job-actions";

export const POST = route<{ params: Promise<{ id: string }> }>(async (request, context) => {
  const userId = await requireUserId(request, new Date());
  const { id } = parseValue(await context.params, ImportJobParamsSchema);
  const { job, queued } = await commitImportJob(db(), userId, id);
  return Response.json(job, { status: queued ? 202 : 200, headers: { "cache-control": "no-store", location: job.location } });
});
