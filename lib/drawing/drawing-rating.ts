// How a drawing card's review becomes an FSRS rating. Like an exercise card
// (lib/grading/exercise-rating.ts) the result decides, not the learner's
// feeling: a passed drawing is Good, a mostly-right one Hard, a wrong one Again.

/** Share of items (cells, wires, rubric lines) right from which a not-passed drawing still counts as recalled. */
export const PARTIAL_SHARE = 0.5;

export type DrawingReviewOutcome = {
  correct: boolean;
  /** 0..1 share right (or ticked, for a self-checked sketch). */
  score: number;
  /** Codes of named mistakes: drawing a known wrong pattern is a wrong answer, however many cells it shares. */
  misconceptions: readonly string[];
  /** Made once the variant's reference had been shown (lib/drawing/record-drawing-attempt.ts). */
  afterReveal: boolean;
};

/** Made after the reveal → Again (1); passed → Good (3); a named mistake or under half right → Again (1); otherwise partial → Hard (2). */
export function ratingForDrawingReview(outcome: DrawingReviewOutcome): 1 | 2 | 3 {
  if (outcome.afterReveal) return 1;
  if (outcome.correct) return 3;
  if (outcome.misconceptions.length > 0 || outcome.score < PARTIAL_SHARE) return 1;
  return 2;
}
