import { IntentLink } from "@/app/components/intent-link";
import { notFound, redirect } from "next/navigation";
import { findExercise } from "@/exercises";
import { loadExerciseHistory } from "@/lib/attempts/exercise-history";
import { ExerciseParamsSchema, VariantQuerySchema } from "@/lib/attempts/grade-schemas";
import { loadVariantProgress } from "@/lib/attempts/reveal-variant";
import { db } from "@/lib/db/client";
import { toVariantView } from "@/lib/grading/exercise-view";
import { catalogue } from "@/exercises/catalogue";
import { requireSessionUser } from "../../session-user";
import { seededHref } from "../../seeded-href";
import { SeedRefused } from "@/app/components/seed-refused";
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
  const search = await searchParams;
  const query = VariantQuerySchema.safeParse(search);
  if (!query.success)
    return (
      <SeedRefused
        given={search.seed}
        error={query.error}
        freshHref={seededHref(`/exercises/${exercise.slug}`)}
        back={{ href: "/exercises", label: "Exercises" }}
      />
    );
  const seed = query.data.seed;
  // The seed lives in the URL, so a reload or a shared link shows the same numbers.
  if (seed === undefined) redirect(seededHref(`/exercises/${exercise.slug}`));
  const key = { userId: user.id, slug: exercise.slug, seed };
  const [progress, history] = await Promise.all([loadVariantProgress(db(), catalogue, key), loadExerciseHistory(db(), catalogue, user.id, exercise.slug)]);
  return (
    <main className="shell stack">
      <div className="topbar">
        <IntentLink href="/exercises" className="brand">
          ‹ Exercises
        </IntentLink>
        <span className={`pill ${exercise.difficulty.toLowerCase()}`}>{exercise.difficulty.toLowerCase()}</span>
      </div>
      <ExerciseForm
        key={seed}
        variant={toVariantView(exercise, seed)}
        progress={progress}
        newVariantHref={seededHref(`/exercises/${exercise.slug}`)}
        history={{
          ...history,
          variants: history.variants.map((v) => ({ ...v, attempts: v.attempts.map((a) => ({ ...a, createdAt: a.createdAt.toISOString() })) })),
        }}
      />
      <IntentLink href={`/exercises/${exercise.slug}/stats`} className="small" data-testid="stats-link">
        How every learner does on this exercise ›
      </IntentLink>
    </main>
  );
}
