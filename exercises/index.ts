// The exercise catalogue: every authored exercise, one file each in this folder.
import type { Exercise } from "../lib/grading/exercise-definition";
import { normsAndBlocks } from "./groups/norms-and-blocks";
import { memoryAndPositions } from "./groups/memory-and-positions";

export const EXERCISES: readonly Exercise[] = [...normsAndBlocks, ...memoryAndPositions];

const bySlug = new Map(EXERCISES.map((e) => [e.slug, e]));

/** The exercise with this slug, or undefined. */
export function findExercise(slug: string): Exercise | undefined {
  return bySlug.get(slug);
}
