// GET /api/labs — the lab catalogue, each lab with this user's latest submission.
import { requireUserId } from "@/lib/auth/current-user";
import { db } from "@/lib/db/client";
import { route } from "@/lib/http/route";
import { labCatalogue } from "@/lib/labs/submissions/lab-catalogue";
import { catalogue } from "@/exercises/catalogue";

export const GET = route(async (request) => {
  const userId = await requireUserId(request, new Date());
  return Response.json({ labs: await labCatalogue(db(), catalogue, userId) });
});
