/**
 * Hands-on labs: seeded inputs a learner downloads, one output tensor they
 * submit, graded against the tfjs reference with a named diagnosis of known
 * bugs. The labs themselves are authored in exercises/labs/ (one file per
 * lab) and handed in as a LabLookup (exercises/catalogue.ts); lib/ never
 * imports them.
 */
import { assertSeed, type Lab } from "./define-lab";
import type { LabSummary, LabView, Tensor } from "./lab-types";

export type { Lab, LabTolerance } from "./define-lab";
export { DEFAULT_LAB_TOLERANCE, assertSeed } from "./define-lab";
export { gradeLabOutput, referenceOutput, buggyOutput } from "./grade-lab";
export { compareTensors } from "./compare";

/**
 * Cap on a submitted tensor's element count: the largest lab output is
 * 64×128 = 8 192 elements; 1 << 20 leaves room for a learner who submits the
 * wrong thing (e.g. attention weights) while bounding memory and upload size
 * (8 MiB as float64).
 */
export const MAX_LAB_OUTPUT_ELEMENTS = 1 << 20;

/** The labs the app offers, in catalogue order, and the one with a slug (undefined when none). */
export type LabLookup = { readonly labs: readonly Lab[]; findLab(slug: string): Lab | undefined };

/** What the catalogue page lists, in catalogue order; no answers. */
export function labSummaries(labs: readonly Lab[]): LabSummary[] {
  return labs.map(({ slug, title, topic, difficulty, summary }) => ({ slug, title, topic, difficulty, summary }));
}

/** Sizes, conventions, input specs and output shape of `lab` for `seed` (0 ≤ seed < 2^31). */
export function labView(lab: Lab, seed: number): LabView {
  return lab.view(assertSeed(seed));
}

/** The lab's inputs for `seed`, deterministic: same seed, bit-identical data. */
export function labInputs(lab: Lab, seed: number): { name: string; tensor: Tensor }[] {
  return lab.inputs(assertSeed(seed));
}
