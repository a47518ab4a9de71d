// PATCH /api/modules/{slug} — rename, describe, archive or restore one of the user's own modules.
// DELETE /api/modules/{slug}?confirm={slug} — delete it with its cards (the review log keeps their history).
import { requireUserId } from "@/lib/auth/current-user";
import { db } from "@/lib/db/client";
import { parseJsonBody, parseQuery, parseValue } from "@/lib/http/parse";
import { route } from "@/lib/http/route";
import { changeModule, deleteModule } from "@/lib/modules/manage-modules";
import { DeleteModuleQuerySchema, ModulePatchSchema, ModuleSlugParamsSchema } from "@/lib/modules/module-schemas";

export const dynamic = "force-dynamic";

type Context = { params: Promise<{ slug: string }> };

export const PATCH = route<Context>(async (request, context) => {
  const now = new Date();
  const userId = await requireUserId(request, now);
  const { slug } = parseValue(await context.params, ModuleSlugParamsSchema);
  const patch = await parseJsonBody(request, ModulePatchSchema, 8192);
  return Response.json({ module: await changeModule(db(), userId, slug, patch, now) });
});

export const DELETE = route<Context>(async (request, context) => {
  const now = new Date();
  const userId = await requireUserId(request, now);
  const { slug } = parseValue(await context.params, ModuleSlugParamsSchema);
  const { confirm } = parseQuery(request.url, DeleteModuleQuerySchema);
  await deleteModule(db(), userId, slug, confirm);
  return new Response(null, { status: 204 });
});
