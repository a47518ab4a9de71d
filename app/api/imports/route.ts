// POST /api/imports?module=SLUG[&format=markdown|csv|tsv|anki|zip][&dryRun=1][&filename=…][&title=…] — preview (dryRun=1) or import notes, a CSV/TSV file, an Anki package or a zipped module folder, sent as the raw body, into your own modules.
import { requireUserId } from "@/lib/auth/current-user";
import { db } from "@/lib/db/client";
import { requireFileContentType, IMPORT_UPLOAD_TYPES } from "@/lib/http/content-type";
import { parseQuery } from "@/lib/http/parse";
import { readCappedBody } from "@/lib/http/read-capped-body";
import { route } from "@/lib/http/route";
import { importUpload } from "@/lib/imports/import-upload";
import { ImportQuerySchema } from "@/lib/imports/import-schemas";
import { namedPackageFormat } from "@/lib/imports/detect-format";
import { ANKI_LIMIT_BYTES, IMPORT_LIMIT_BYTES, MODULE_ZIP_LIMIT_BYTES } from "@/lib/imports/limits";

const tooLarge = (limit: number) => `The file is larger than ${limit / 2 ** 20} MiB: split it into several imports`;

export const POST = route(async (request) => {
  const now = new Date();
  const userId = await requireUserId(request, now);
  requireFileContentType(request, IMPORT_UPLOAD_TYPES);
  const query = parseQuery(request.url, ImportQuerySchema);
  const zipped = namedPackageFormat(query.format, query.filename);
  const limit = zipped === "anki" ? ANKI_LIMIT_BYTES : zipped === "zip" ? MODULE_ZIP_LIMIT_BYTES : IMPORT_LIMIT_BYTES;
  const bytes = await readCappedBody(request, limit, tooLarge(limit));
  const result = await importUpload(
    db(),
    { userId, bytes, slug: query.module, format: query.format, filename: query.filename, title: query.title, dryRun: query.dryRun },
    now,
  );
  return Response.json(result, { headers: { "cache-control": "no-store" } });
});
