// GET /api/labs/{slug}/inputs.json?seed=N — every input of the lab for a seed as one JSON file, with its conventions and scalars.
import { requireUserId } from "@/lib/auth/current-user";
import { parseQuery, parseValue } from "@/lib/http/parse";
import { route } from "@/lib/http/route";
import { labDownload } from "@/lib/labs/submissions/lab-downloads";
import { LabParamsSchema, LabSeedQuerySchema } from "@/lib/labs/submissions/lab-request-schemas";
import { downloadResponse } from "../../http-files";
import { catalogue } from "@/exercises/catalogue";

export const GET = route<{ params: Promise<{ slug: string }> }>(async (request, context) => {
  await requireUserId(request, new Date());
  const { slug } = parseValue(await context.params, LabParamsSchema);
  const { seed } = parseQuery(request.url, LabSeedQuerySchema);
  return downloadResponse(labDownload(catalogue, slug, seed, { kind: "json" }));
});
