import { RATING, RATINGS, type Rating } from "./types";

/** The rating-button layouts, spelled as the Prisma `ButtonMode` enum spells them. */
export type ButtonMode = "FOUR" | "TWO";

/** Outcome of a two-button ("pass/fail") review. */
export type PassFail = "pass" | "fail";

/**
 * The rating a two-button review records: fail → Again (1), pass → Good (3).
 * Good rather than Hard or Easy because a plain "I got it" is what FSRS's
 * Good means, which keeps the log usable for optimizing weights.
 */
export function passFailRating(outcome: PassFail): Rating {
  return outcome === "pass" ? RATING.good : RATING.again;
}

/** The ratings to show as buttons, in order: all four, or Again/Good in two-button mode. */
export function buttonRatings(mode: ButtonMode): readonly Rating[] {
  return mode === "TWO" ? [RATING.again, RATING.good] : RATINGS;
}
