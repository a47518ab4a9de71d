// The page frame of an exercise's or a drawing prompt's figures across learners
// (/exercises/{slug}/stats, /drawings/{slug}/stats): the routes differ only in
// how they find the item and where "back" leads.
import { catalogue } from "@/exercises/catalogue";
import { cachedExerciseStats } from "@/lib/attempts/exercise-stats-cache";
import { db } from "@/lib/db/client";
import { ExerciseStatsView } from "./exercise-stats-view";
import { TopBar } from "./top-bar";

/** The tab title of an item's figures page; `title` is undefined when the slug names nothing. */
export const figuresTitle = (title: string | undefined, fallback: string): string => `${title ?? fallback}: figures · Residual`;

/** The figures of the item `slug` (already found in the catalogue), under a top bar leading back to `back`. */
export async function FiguresPage({ slug, back }: { slug: string; back: { href: string; label: string } }) {
  const stats = await cachedExerciseStats(db(), catalogue, slug, new Date());
  return (
    <main className="shell stack">
      <TopBar back={back} />
      <ExerciseStatsView stats={stats} />
    </main>
  );
}
