// GET /api/health — database status and the grader's reference backend. Public.
import { db } from "@/lib/db/client";
import { checkHealth } from "@/lib/health/check-health";
import { initReferenceBackend } from "@/lib/reference/backend";

export const dynamic = "force-dynamic";

export async function GET(): Promise<Response> {
  const report = await checkHealth(db(), async () => (await initReferenceBackend()).backend);
  return Response.json(report, { status: report.status === "ok" ? 200 : 503 });
}
