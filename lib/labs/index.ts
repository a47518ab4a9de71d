/**
 * Hands-on labs: seeded inputs a learner downloads, one output tensor they
 * submit, graded against the tfjs reference with a named diagnosis of known
 * bugs. The catalogue lives in exercises/labs/ (one file per lab).
 */
import { LABS } from "../../exercises/labs";
import { assertSeed, type Lab } from "./define-lab";
import type { LabSummary, LabView, Tensor } from "./lab-types";

export type { Lab, LabTolerance } from "./define-lab";
export { DEFAULT_LAB_TOLERANCE, assertSeed } from "./define-lab";
export { LABS };
export { gradeLabOutput, referenceOutput, buggyOutput } from "./grade-lab";
export { compareTensors } from "./compare";

/**
 * Cap on a submitted tensor's element count: the largest lab output is
 * 64×128 = 8 192 elements; 1 << 20 leaves room for a learner who submits the
 * wrong thing (e.g. attention weights) while bounding memory and upload size
 * (8 MiB as float64).
 */
export const MAX_LAB_OUTPUT_ELEMENTS = 1 << 20;

const bySlug = new Map<string, Lab>(LABS.map((lab) => [lab.slug, lab]));

/** The lab with this slug, or undefined. */
export function findLab(slug: string): Lab | undefined {
  return bySlug.get(slug);
}

/** What the catalogue page lists, in catalogue order; no answers. */
export function labSummaries(): LabSummary[] {
  return LABS.map(({ slug, title, topic, difficulty, summary }) => ({ slug, title, topic, difficulty, summary }));
}

/** Sizes, conventions, input specs and output shape of `lab` for `seed` (0 ≤ seed < 2^31). */
export function labView(lab: Lab, seed: number): LabView {
  return lab.view(assertSeed(seed));
}

/** The lab's inputs for `seed`, deterministic: same seed, bit-identical data. */
export function labInputs(lab: Lab, seed: number): { name: string; tensor: Tensor }[] {
  return lab.inputs(assertSeed(seed));
}
