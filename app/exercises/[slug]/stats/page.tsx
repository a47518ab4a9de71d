// /exercises/{slug}/stats — an exercise's anonymised figures across learners (lib/attempts/exercise-stats.ts).
import { notFound } from "next/navigation";
import { findExercise } from "@/exercises";
import { ExerciseParamsSchema } from "@/lib/attempts/grade-schemas";
import { FiguresPage, figuresTitle } from "@/app/components/figures-page";
import { requireSessionUser } from "../../../session-user";

export const dynamic = "force-dynamic";

type Props = { params: Promise<{ slug: string }> };

async function exerciseOf(params: Props["params"]) {
  const parsed = ExerciseParamsSchema.safeParse(await params);
  return parsed.success ? findExercise(parsed.data.slug) : undefined;
}

export async function generateMetadata({ params }: Props) {
  return { title: figuresTitle((await exerciseOf(params))?.title, "Exercise") };
}

export default async function ExerciseStatsPage({ params }: Props) {
  await requireSessionUser();
  const exercise = await exerciseOf(params);
  if (!exercise) notFound();
  return <FiguresPage slug={exercise.slug} back={{ href: `/exercises/${exercise.slug}`, label: "Exercise" }} />;
}
