// GET /api/export?what=reviews|cards|attempts|labs|grills&format=json|csv — download the caller's own data.
import { requireUserId } from "@/lib/auth/current-user";
import { db } from "@/lib/db/client";
import { parseQuery } from "@/lib/http/parse";
import { route } from "@/lib/http/route";
import { openExport } from "@/lib/export/export-stream";
import { ExportQuerySchema } from "@/lib/export/export-schemas";

export const dynamic = "force-dynamic";

export const GET = route(async (request) => {
  const now = new Date();
  const userId = await requireUserId(request, now);
  const query = parseQuery(request.url, ExportQuerySchema);
  const file = await openExport(db(), userId, query, now);
  return new Response(file.body, {
    headers: {
      "content-type": file.contentType,
      "content-disposition": `attachment; filename="${file.fileName}"`,
      "cache-control": "no-store",
      "x-content-type-options": "nosniff",
    },
  });
});
