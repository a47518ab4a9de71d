import Link from "next/link";
import { notFound, redirect } from "next/navigation";
import { randomInt } from "node:crypto";
import { findExercise } from "@/exercises";
import { listRecentAttempts } from "@/lib/attempts/attempt-history";
import { ExerciseParamsSchema, VariantQuerySchema } from "@/lib/attempts/grade-schemas";
import { db } from "@/lib/db/client";
import { MAX_SEED, toVariantView } from "@/lib/grading/exercise-view";
import { requireSessionUser } from "../../session-user";
import { ExerciseForm } from "./exercise-form";

export const dynamic = "force-dynamic";

type Props = { params: Promise<{ slug: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

export async function generateMetadata({ params }: Pick<Props, "params">) {
  const parsed = ExerciseParamsSchema.safeParse(await params);
  const exercise = parsed.success ? findExercise(parsed.data.slug) : undefined;
  return { title: `${exercise?.title ?? "Exercise"} · Residual` };
}

export default async function ExercisePage({ params, searchParams }: Props) {
  const user = await requireSessionUser();
  const parsedParams = ExerciseParamsSchema.safeParse(await params);
  const exercise = parsedParams.success ? findExercise(parsedParams.data.slug) : undefined;
  if (!exercise) notFound();
  const query = VariantQuerySchema.safeParse(await searchParams);
  const seed = query.success ? query.data.seed : undefined;
  // The seed lives in the URL, so a reload or a shared link shows the same numbers.
  if (seed === undefined) redirect(`/exercises/${exercise.slug}?seed=${randomInt(MAX_SEED)}`);
  const [variant, attempts] = await Promise.all([toVariantView(exercise, seed), listRecentAttempts(db(), user.id, exercise.slug)]);
  return (
    <main className="shell stack">
      <div className="topbar">
        <Link href="/exercises" className="brand">
          ‹ Exercises
        </Link>
        <span className={`pill ${exercise.difficulty.toLowerCase()}`}>{exercise.difficulty.toLowerCase()}</span>
      </div>
      <ExerciseForm variant={variant} attempts={attempts.map((a) => ({ ...a, createdAt: a.createdAt.toISOString() }))} />
    </main>
  );
}
