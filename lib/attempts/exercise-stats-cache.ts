// An exercise's figures across learners, remembered for a short while per
// exercise. The aggregate reads one tally row per learner (a few ms at 2,000
// learners; it read every attempt, ~1-2 s at 100,000, before the tallies),
// and any signed-in learner may ask for it, so a page reloaded in a loop need
// not recompute it each time. Figures that are shown stay for STATS_CACHE_TTL_MS;
// an answer below the cohort is never kept (it is cheap, and the figures
// should appear as soon as the fifth learner has tried). Per process: another
// app instance keeps its own copy.
import type { Catalogue } from "../catalogue/catalogue";
import type { Db } from "../db/client";
import { type ExerciseStats, loadExerciseStats } from "./exercise-stats";

/** How long shown figures are reused before they are computed again, in ms. */
export const STATS_CACHE_TTL_MS = 30_000;

type Entry = { until: number; stats: Promise<ExerciseStats> };

const cache = new Map<string, Entry>();

/**
 * {@link loadExerciseStats}, reusing figures computed less than
 * STATS_CACHE_TTL_MS before `now`; requests arriving while they are computed
 * share the one computation. Throws as loadExerciseStats does.
 */
export async function cachedExerciseStats(db: Db, catalogue: Catalogue, slug: string, now: Date): Promise<ExerciseStats> {
  const hit = cache.get(slug);
  if (hit && hit.until > now.getTime()) return hit.stats;
  const stats = loadExerciseStats(db, catalogue, slug);
  cache.set(slug, { until: now.getTime() + STATS_CACHE_TTL_MS, stats });
  try {
    const value = await stats;
    if (!value.shown && cache.get(slug)?.stats === stats) cache.delete(slug);
    return value;
  } catch (error) {
    if (cache.get(slug)?.stats === stats) cache.delete(slug);
    throw error;
  }
}
