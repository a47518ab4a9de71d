import { IntentLink } from "@/app/components/intent-link";
import { notFound, redirect } from "next/navigation";
import { findExercise } from "@/exercises";
import { listRecentAttempts } from "@/lib/attempts/attempt-history";
import { ExerciseParamsSchema, VariantQuerySchema } from "@/lib/attempts/grade-schemas";
import { db } from "@/lib/db/client";
import { toVariantView } from "@/lib/grading/exercise-view";
import { misconceptionName } from "@/lib/grading/misconception-name";
import { exerciseEntry } from "@/lib/readiness/exercise-directory";
import { catalogue } from "@/exercises/catalogue";
import { requireSessionUser } from "../../session-user";
import { seededHref } from "../../seeded-href";
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
  if (seed === undefined) redirect(seededHref(`/exercises/${exercise.slug}`));
  const { messages } = exerciseEntry(catalogue, exercise.slug);
  const [variant, attempts] = await Promise.all([toVariantView(exercise, seed), listRecentAttempts(db(), user.id, exercise.slug)]);
  return (
    <main className="shell stack">
      <div className="topbar">
        <IntentLink href="/exercises" className="brand">
          ‹ Exercises
        </IntentLink>
        <span className={`pill ${exercise.difficulty.toLowerCase()}`}>{exercise.difficulty.toLowerCase()}</span>
      </div>
      <ExerciseForm
        variant={variant}
        newVariantHref={seededHref(`/exercises/${exercise.slug}`)}
        attempts={attempts.map((a) => ({
          ...a,
          misconceptions: a.misconceptions.map((code) => misconceptionName(code, messages.get(code))),
          createdAt: a.createdAt.toISOString(),
        }))}
      />
    </main>
  );
}
