// An exercise, drawing or lab keeps its seed in the URL, so a reload or a shared
// link shows the same numbers. Lists link straight to a seeded address (no
// redirect, no blank screen while it happens); a bare address typed by hand
// redirects to one. Both pick the seed here, the same way.
import { randomInt } from "node:crypto";
import { MAX_SEED } from "@/lib/grading/exercise-view";
import { MAX_LAB_SEED } from "@/lib/labs/define-lab";

const SEEDED_PAGE = /^\/(exercises|drawings|labs)\/[^/?#]+$/;

/** A fresh seed in [0, 2^31 − 1): valid for exercises, drawings and labs alike. */
export function freshSeed(): number {
  return randomInt(Math.min(MAX_SEED, MAX_LAB_SEED));
}

/** `href` with a fresh `?seed=` when it is a bare exercise, drawing or lab page; any other link unchanged. */
export function seededHref(href: string): string {
  return SEEDED_PAGE.test(href) ? `${href}?seed=${freshSeed()}` : href;
}
