// GET /api/labs/{slug}/inputs/{name}.npy?seed=N — one input of the lab for a seed as a float64 .npy file.
import { requireUserId } from "@/lib/auth/current-user";
import { parseQuery, parseValue } from "@/lib/http/parse";
import { route } from "@/lib/http/route";
import { labDownload } from "@/lib/labs/submissions/lab-downloads";
import { InputFileParamsSchema, LabSeedQuerySchema } from "@/lib/labs/submissions/lab-request-schemas";
import { downloadResponse } from "../../../http-files";
import { catalogue } from "@/exercises/catalogue";

export const GET = route<{ params: Promise<{ slug: string; file: string }> }>(async (request, context) => {
  await requireUserId(request, new Date());
  const { slug, file } = parseValue(await context.params, InputFileParamsSchema);
  const { seed } = parseQuery(request.url, LabSeedQuerySchema);
  return downloadResponse(labDownload(catalogue, slug, seed, { kind: "npy", input: file }));
});
