// GET /api/imports/{id} — one of your import jobs: status and progress while it runs, then the preview or the import report, or the error. Someone else's id is 404.
import { requireUserId } from "@/lib/auth/current-user";
import { db } from "@/lib/db/client";
import { parseValue } from "@/lib/http/parse";
import { route } from "@/lib/http/route";
import { ImportJobParamsSchema } from "@/lib/imports/import-schemas";
import { getOwnImportJob } from "@/lib/imports/jobs/import-job-actions";

export const GET = route<{ params: Promise<{ id: string }> }>(async (request, context) => {
  const userId = await requireUserId(request, new Date());
  const { id } = parseValue(await context.params, ImportJobParamsSchema);
  return Response.json(await getOwnImportJob(db(), userId, id), { headers: { "cache-control": "no-store" } });
});
