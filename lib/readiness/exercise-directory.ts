// What readiness needs to know about an exercise named by a module (its
// exercise cards, its evidence rules): a title, where to practise it, and the
// message of each misconception the catalogue knows. Numeric exercises live at
// /exercises, drawing prompts at /drawings; a slug the catalogue does not have
// gets a readable title and no link.
import type { Catalogue } from "../catalogue/catalogue";
import * as float64 from "../reference/float64";

export type ExerciseEntry = { slug: string; title: string; href: string | null; messages: ReadonlyMap<string, string> };

/** Entries per catalogue (catalogues are static, and usually there is one). */
const cache = new WeakMap<Catalogue, Map<string, ExerciseEntry>>();

/** "prenorm-block-assembly" → "Prenorm block assembly". */
export function titleFromSlug(slug: string): string {
  const words = slug.replace(/-/g, " ");
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/** The entry for `slug` in `catalogue`; catalogue hits are cached. */
export function exerciseEntry(catalogue: Catalogue, slug: string): ExerciseEntry {
  let entries = cache.get(catalogue);
  if (!entries) {
    entries = new Map();
    cache.set(catalogue, entries);
  }
  const cached = entries.get(slug);
  if (cached) return cached;
  const exercise = catalogue.findExercise(slug);
  const drawing = exercise ? undefined : catalogue.findDrawingPrompt(slug);
  // Misconception messages do not depend on the numbers; any seed's wrong methods carry them.
  const messages = new Map(exercise ? exercise.wrongMethods(0, float64).map((m) => [m.code, m.message] as const) : []);
  let entry: ExerciseEntry = { slug, title: titleFromSlug(slug), href: null, messages };
  if (exercise) entry = { slug, title: exercise.title, href: `/exercises/${slug}`, messages };
  else if (drawing) entry = { slug, title: drawing.title, href: `/drawings/${slug}`, messages };
  // Only catalogue entries are cached: authored modules may name any slug, and the cache must stay bounded.
  if (entry.href) entries.set(slug, entry);
  return entry;
}
