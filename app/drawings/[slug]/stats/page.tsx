// /drawings/{slug}/stats — a drawing prompt's anonymised figures across learners (lib/attempts/exercise-stats.ts).
import { notFound } from "next/navigation";
import { findDrawingPrompt } from "@/exercises/drawings";
import { catalogue } from "@/exercises/catalogue";
import { cachedExerciseStats } from "@/lib/attempts/exercise-stats-cache";
import { db } from "@/lib/db/client";
import { DrawingParamsSchema } from "@/lib/drawing/drawing-schemas";
import { ExerciseStatsView } from "@/app/components/exercise-stats-view";
import { TopBar } from "@/app/components/top-bar";
import { requireSessionUser } from "../../../session-user";

export const dynamic = "force-dynamic";

type Props = { params: Promise<{ slug: string }> };

export async function generateMetadata({ params }: Props) {
  const parsed = DrawingParamsSchema.safeParse(await params);
  const prompt = parsed.success ? findDrawingPrompt(parsed.data.slug) : undefined;
  return { title: `${prompt?.title ?? "Drawing"}: figures · Residual` };
}

export default async function DrawingStatsPage({ params }: Props) {
  await requireSessionUser();
  const parsed = DrawingParamsSchema.safeParse(await params);
  const prompt = parsed.success ? findDrawingPrompt(parsed.data.slug) : undefined;
  if (!prompt) notFound();
  const stats = await cachedExerciseStats(db(), catalogue, prompt.slug, new Date());
  return (
    <main className="shell stack">
      <TopBar back={{ href: `/drawings/${prompt.slug}`, label: "Drawing" }} />
      <ExerciseStatsView stats={stats} />
    </main>
  );
}
