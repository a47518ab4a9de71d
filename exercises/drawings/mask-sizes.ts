// Seeded sizes shared by the mask-grid prompts.
import { seededRandom } from "../../lib/reference/seeded-random";

/** Integer in [lo, hi] from one draw of `random`. */
export const between = (random: () => number, lo: number, hi: number): number => lo + Math.floor(random() * (hi - lo + 1));

/** A seeded stream for one prompt's sizes: same seed, same grid. */
export const sizesFor = (seed: number): (() => number) => seededRandom(seed);
