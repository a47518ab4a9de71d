// POST /api/imports?module=SLUG[&format=markdown|csv|tsv|anki][&dryRun=1][&filename=…][&title=…][&id=uuid] — import notes or a CSV/TSV file at once (200 with the preview or report), or queue an Anki package as a background job (202 with the job and its URL; the same id again → 200, the same job).
import { requireUserId } from "@/lib/auth/current-user";
import { db } from "@/lib/db/client";
import { requireFileContentType, IMPORT_UPLOAD_TYPES } from "@/lib/http/content-type";
import { DeclaredLengthSchema } from "@/lib/http/declared-length";
import { parseQuery, parseValue } from "@/lib/http/parse";
import { route } from "@/lib/http/route";
import { ImportQuerySchema } from "@/lib/imports/import-schemas";
import { receiveUpload } from "@/lib/imports/receive-upload";

const NO_STORE = { "cache-control": "no-store" };

export const POST = route(async (request) => {
  const now = new Date();
  const userId = await requireUserId(request, now);
  requireFileContentType(request, IMPORT_UPLOAD_TYPES);
  const query = parseQuery(request.url, ImportQuerySchema);
  const declaredBytes = parseValue(request.headers.get("content-length") ?? undefined, DeclaredLengthSchema);
  const received = await receiveUpload(db(), { userId, query, body: request.body, declaredBytes, now });
  if (received.kind === "result") return Response.json(received.result, { headers: NO_STORE });
  const { job, duplicate } = received;
  return Response.json(job, { status: duplicate ? 200 : 202, headers: { ...NO_STORE, location: job.location } });
});
