// GET /api/modules/{slug}/export?format=md|csv|apkg — download a module you can see: its folder as a zip, a CSV or an Anki package.
import { requireUserId } from "@/lib/auth/current-user";
import { db } from "@/lib/db/client";
import { parseQuery, parseValue } from "@/lib/http/parse";
import { route } from "@/lib/http/route";
import { exportModule } from "@/lib/export/module-export";
import { ModuleExportQuerySchema } from "@/lib/export/module-export-schemas";
import { ModuleSlugParamsSchema } from "@/lib/modules/module-schemas";

export const dynamic = "force-dynamic";

type Context = { params: Promise<{ slug: string }> };

export const GET = route<Context>(async (request, context) => {
  const now = new Date();
  const userId = await requireUserId(request, now);
  const { slug } = parseValue(await context.params, ModuleSlugParamsSchema);
  const { format } = parseQuery(request.url, ModuleExportQuerySchema);
  const file = await exportModule(db(), userId, slug, format, now);
  return new Response(Buffer.from(file.bytes), {
    headers: {
      "content-type": file.contentType,
      "content-disposition": `attachment; filename="${file.fileName}"`,
      "content-length": String(file.bytes.byteLength),
      "cache-control": "no-store",
      "x-content-type-options": "nosniff",
    },
  });
});
