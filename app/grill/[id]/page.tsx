import { notFound } from "next/navigation";
import { db } from "@/lib/db/client";
import { AppError } from "@/lib/errors/app-error";
import { getGrill } from "@/lib/grills/get-grill";
import { GrillParamsSchema } from "@/lib/grills/grill-schemas";
import { requireSessionUser } from "../../session-user";
import { GrillRun } from "./grill-run";
import "../grill.css";
import { catalogue } from "@/exercises/catalogue";

export const dynamic = "force-dynamic";
export const metadata = { title: "Mock grill · Residual" };

export default async function GrillRunPage({ params }: { params: Promise<{ id: string }> }) {
  const user = await requireSessionUser();
  const parsed = GrillParamsSchema.safeParse(await params);
  if (!parsed.success) notFound();
  const grill = await getGrill(db(), catalogue, user.id, parsed.data.id, new Date()).catch((error: unknown) => {
    if (error instanceof AppError && error.code === "NOT_FOUND") return null;
    throw error;
  });
  if (!grill) notFound();
  return (
    <main className="shell">
      <h1 className="visually-hidden">Mock grill</h1>
      <GrillRun initial={grill} />
    </main>
  );
}
