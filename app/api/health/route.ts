// GET /api/health — database status (and, later, the grading backend). Public.
import { db } from "@/lib/db/client";
import { checkHealth } from "@/lib/health/check-health";

export const dynamic = "force-dynamic";

export async function GET(): Promise<Response> {
  const report = await checkHealth(db());
  return Response.json(report, { status: report.status === "ok" ? 200 : 503 });
}
