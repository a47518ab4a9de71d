// The exercise catalogue as the domain modules see it: the numeric exercises
// the grader knows, the drawing prompts the app can show and the labs it
// grades, looked up by slug. lib/ defines only this interface; the concrete catalogue (the
// authored files under exercises/) is built once outside lib/ and handed in
// at the edge (route handlers, pages, scripts, tests), so a test can hand in
// a catalogue of its own.
import type { DrawingPrompt } from "../drawing/drawing-prompt";
import type { Exercise } from "../grading/exercise-definition";
import type { Lab, LabLookup } from "../labs";

export type Catalogue = LabLookup & {
  readonly exercises: readonly Exercise[];
  readonly drawings: readonly DrawingPrompt[];
  /** The numeric exercise with this slug, or undefined. */
  findExercise(slug: string): Exercise | undefined;
  /** The drawing prompt with this slug, or undefined. */
  findDrawingPrompt(slug: string): DrawingPrompt | undefined;
  /** Every slug an exercise card may name and still be studied: the exercises' and the drawing prompts'. */
  readonly gradableSlugs: readonly string[];
};

/**
 * Builds a catalogue from its entries. Throws when a slug appears twice
 * (within or across the two lists): a card names its exercise by slug alone.
 */
export function createCatalogue(entries: { exercises: readonly Exercise[]; drawings: readonly DrawingPrompt[]; labs: readonly Lab[] }): Catalogue {
  const exercises = new Map(entries.exercises.map((e) => [e.slug, e]));
  const drawings = new Map(entries.drawings.map((p) => [p.slug, p]));
  const labs = new Map(entries.labs.map((lab) => [lab.slug, lab]));
  if (labs.size !== entries.labs.length) throw new Error("createCatalogue: two labs share a slug");
  const slugs = [...entries.exercises.map((e) => e.slug), ...entries.drawings.map((p) => p.slug)];
  const repeated = slugs.find((slug, i) => slugs.indexOf(slug) !== i);
  if (repeated !== undefined) throw new Error(`createCatalogue: the slug "${repeated}" is used twice`);
  return {
    exercises: entries.exercises,
    drawings: entries.drawings,
    findExercise: (slug) => exercises.get(slug),
    findDrawingPrompt: (slug) => drawings.get(slug),
    labs: entries.labs,
    findLab: (slug) => labs.get(slug),
    gradableSlugs: slugs,
  };
}
