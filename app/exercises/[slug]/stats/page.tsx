// /exercises/{slug}/stats — an exercise's anonymised figures across learners (lib/attempts/exercise-stats.ts).
import { notFound } from "next/navigation";
import { findExercise } from "@/exercises";
import { catalogue } from "@/exercises/catalogue";
import { cachedExerciseStats } from "@/lib/attempts/exercise-stats-cache";
import { ExerciseParamsSchema } from "@/lib/attempts/grade-schemas";
import { db } from "@/lib/db/client";
import { ExerciseStatsView } from "@/app/components/exercise-stats-view";
import { TopBar } from "@/app/components/top-bar";
import { requireSessionUser } from "../../../session-user";

export const dynamic = "force-dynamic";

type Props = { params: Promise<{ slug: string }> };

export async function generateMetadata({ params }: Props) {
  const parsed = ExerciseParamsSchema.safeParse(await params);
  const exercise = parsed.success ? findExercise(parsed.data.slug) : undefined;
  return { title: `${exercise?.title ?? "Exercise"}: figures · Residual` };
}

export default async function ExerciseStatsPage({ params }: Props) {
  await requireSessionUser();
  const parsed = ExerciseParamsSchema.safeParse(await params);
  const exercise = parsed.success ? findExercise(parsed.data.slug) : undefined;
  if (!exercise) notFound();
  const stats = await cachedExerciseStats(db(), catalogue, exercise.slug, new Date());
  return (
    <main className="shell stack">
      <TopBar back={{ href: `/exercises/${exercise.slug}`, label: "Exercise" }} />
      <ExerciseStatsView stats={stats} />
    </main>
  );
}
