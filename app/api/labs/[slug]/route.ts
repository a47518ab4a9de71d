// GET /api/labs/{slug}?seed=N — one lab for a seed: task, conventions, input and output shapes (no answers). No seed: a random one.
import { randomInt } from "node:crypto";
import { requireUserId } from "@/lib/auth/current-user";
import { notFound } from "@/lib/errors/app-error";
import { quoteInput } from "@/lib/errors/quote-input";
import { parseQuery, parseValue } from "@/lib/http/parse";
import { route } from "@/lib/http/route";
import { labView } from "@/lib/labs";
import { LabParamsSchema, LabViewQuerySchema, MAX_LAB_SEED } from "@/lib/labs/submissions/lab-request-schemas";
import { catalogue } from "@/exercises/catalogue";

export const GET = route<{ params: Promise<{ slug: string }> }>(async (request, context) => {
  await requireUserId(request, new Date());
  const { slug } = parseValue(await context.params, LabParamsSchema);
  const { seed } = parseQuery(request.url, LabViewQuerySchema);
  const lab = catalogue.findLab(slug);
  if (!lab) throw notFound(`Lab ${quoteInput(slug)}`);
  return Response.json(labView(lab, seed ?? randomInt(MAX_LAB_SEED)));
});
