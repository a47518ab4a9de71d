// POST /api/imports?module=SLUG[&format=markdown|csv|tsv][&dryRun=1][&filename=…][&title=…] — preview (dryRun=1) or import notes or a CSV/TSV file, sent as the raw body, into your own module.
import { requireUserId } from "@/lib/auth/current-user";
import { db } from "@/lib/db/client";
import { requireFileContentType, TEXT_UPLOAD_TYPES } from "@/lib/http/content-type";
import { parseQuery } from "@/lib/http/parse";
import { readCappedBody } from "@/lib/http/read-capped-body";
import { route } from "@/lib/http/route";
import { importUpload } from "@/lib/imports/import-upload";
import { ImportQuerySchema } from "@/lib/imports/import-schemas";
import { IMPORT_LIMIT_BYTES } from "@/lib/imports/limits";

const TOO_LARGE = `The file is larger than ${IMPORT_LIMIT_BYTES / 2 ** 20} MiB: split it into several imports`;

export const POST = route(async (request) => {
  const now = new Date();
  const userId = await requireUserId(request, now);
  requireFileContentType(request, TEXT_UPLOAD_TYPES);
  const query = parseQuery(request.url, ImportQuerySchema);
  const bytes = await readCappedBody(request, IMPORT_LIMIT_BYTES, TOO_LARGE);
  const result = await importUpload(
    db(),
    { userId, bytes, slug: query.module, format: query.format, filename: query.filename, title: query.title, dryRun: query.dryRun },
    now,
  );
  return Response.json(result, { headers: { "cache-control": "no-store" } });
});
