// What readiness needs to know about an exercise named by a module (its
// exercise cards, its evidence rules): a title, where to practise it, and the
// message of each misconception the catalogue knows. Numeric exercises live at
// /exercises, drawing prompts at /drawings; a slug neither catalogue has gets a
// readable title and no link.
import { findExercise } from "../../exercises";
import { findDrawingPrompt } from "../../exercises/drawings";
import * as float64 from "../reference/float64";

export type ExerciseEntry = { slug: string; title: string; href: string | null; messages: ReadonlyMap<string, string> };

const entries = new Map<string, ExerciseEntry>();

/** "prenorm-block-assembly" → "Prenorm block assembly". */
export function titleFromSlug(slug: string): string {
  const words = slug.replace(/-/g, " ");
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/** The entry for `slug`; catalogue hits are cached per process (the catalogues are static). */
export function exerciseEntry(slug: string): ExerciseEntry {
  const cached = entries.get(slug);
  if (cached) return cached;
  const exercise = findExercise(slug);
  const drawing = exercise ? undefined : findDrawingPrompt(slug);
  // Misconception messages do not depend on the numbers; any seed's wrong methods carry them.
  const messages = new Map(exercise ? exercise.wrongMethods(0, float64).map((m) => [m.code, m.message] as const) : []);
  let entry: ExerciseEntry = { slug, title: titleFromSlug(slug), href: null, messages };
  if (exercise) entry = { slug, title: exercise.title, href: `/exercises/${slug}`, messages };
  else if (drawing) entry = { slug, title: drawing.title, href: `/drawings/${slug}`, messages };
  // Only catalogue entries are cached: authored modules may name any slug, and the cache must stay bounded.
  if (entry.href) entries.set(slug, entry);
  return entry;
}
