// How an exercise card's review becomes an FSRS rating: the learner does the
// exercise instead of judging their own recall, so the grade decides.

/** Time a step may take and still count as quick, in milliseconds. */
export const QUICK_MS_PER_STEP = 90_000;

export type ExerciseReviewOutcome = {
  /** Graded submissions in this review (1 = first try). */
  tries: number;
  /** Whether the last graded submission had every step right. */
  correct: boolean;
  /** The last submission was made after the variant's answers were shown (see lib/attempts/variant-rule.ts). */
  afterReveal: boolean;
  /** Time from showing the card to the last submission. */
  durationMs: number;
  steps: number;
};

/**
 * All right on the first try within 90 s a step → Good (3); all right but
 * slow, or after a slip → Hard (2); not right, or right only after the
 * answers were shown → Again (1).
 */
export function ratingForExerciseReview(outcome: ExerciseReviewOutcome): 1 | 2 | 3 {
  if (!outcome.correct || outcome.afterReveal) return 1;
  const quick = outcome.durationMs <= QUICK_MS_PER_STEP * Math.max(1, outcome.steps);
  return outcome.tries === 1 && quick ? 3 : 2;
}
