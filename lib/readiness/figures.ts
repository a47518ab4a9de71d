// The readiness figures of a module, computed from plain rows. Pure: the
// queries (readiness-queries.ts) only count and fetch; every definition lives here.

/** Window of the recall figure, in days before now. */
export const RETENTION_WINDOW_DAYS = 30;
/** Fewer reviews than this and the retention figure is "not enough reviews yet". */
export const MIN_RETENTION_REVIEWS = 10;
/** How many of the latest attempts at an exercise its accuracy is taken over. */
export const RECENT_ATTEMPTS = 10;

/** Review counts grouped by the card's state at review time and the rating given (1 = Again … 4 = Easy). */
export type ReviewGroup = { state: string; rating: number; count: number };

export type RetentionFigure = {
  /** Share 0–1 of reviews of cards in review state not rated Again; null below the threshold. */
  retention: number | null;
  /** Reviews the share is based on. */
  reviews: number;
  passed: number;
  /** Reviews still needed before a share is shown (0 once it is). */
  needed: number;
};

/**
 * True retention: among reviews of cards that were in REVIEW state (learning
 * and relearning steps are excluded, as they test minutes-old memories), the
 * share not rated Again. Below `minReviews` the share is withheld: a handful
 * of reviews says little.
 */
export function retentionFigure(groups: readonly ReviewGroup[], minReviews = MIN_RETENTION_REVIEWS): RetentionFigure {
  const counted = groups.filter((g) => g.state === "REVIEW");
  const reviews = counted.reduce((n, g) => n + g.count, 0);
  const passed = counted.filter((g) => g.rating !== 1).reduce((n, g) => n + g.count, 0);
  const enough = reviews >= minReviews && reviews > 0;
  return { retention: enough ? passed / reviews : null, reviews, passed, needed: enough ? 0 : minReviews - reviews };
}

export type AttemptRow = { correct: boolean; createdAt: Date };

export type AccuracyFigure = {
  exerciseSlug: string;
  /** Share 0–1 of correct attempts among the latest `recent`; null without attempts. */
  accuracy: number | null;
  /** Attempts the share is based on (at most RECENT_ATTEMPTS). */
  recent: number;
  /** All attempts ever made at the exercise. */
  attempts: number;
  lastAttemptAt: Date | null;
};

/** Accuracy at one exercise from its latest attempts (any order; the newest `limit` are used) and the all-time count. */
export function accuracyFigure(exerciseSlug: string, latest: readonly AttemptRow[], attempts: number, limit = RECENT_ATTEMPTS): AccuracyFigure {
  const recent = [...latest].sort((a, b) => b.createdAt.getTime() - a.createdAt.getTime()).slice(0, limit);
  const correct = recent.filter((a) => a.correct).length;
  return {
    exerciseSlug,
    accuracy: recent.length ? correct / recent.length : null,
    recent: recent.length,
    attempts: Math.max(attempts, recent.length),
    lastAttemptAt: recent[0]?.createdAt ?? null,
  };
}

/** How often a misconception showed in the learner's attempts at one exercise, and when last. */
export type MisconceptionSeen = { exerciseSlug: string; code: string; count: number; lastSeen: Date };

export type OpenMisconception = MisconceptionSeen;

/**
 * Misconceptions still open: seen at an exercise and not followed by a correct
 * attempt at that same exercise (a pass strictly after the last time it was
 * seen closes it). `lastCorrect` maps exercise slug → latest correct attempt.
 * Most recent first.
 */
export function openMisconceptions(seen: readonly MisconceptionSeen[], lastCorrect: ReadonlyMap<string, Date>): OpenMisconception[] {
  return seen
    .filter((m) => {
      const passed = lastCorrect.get(m.exerciseSlug);
      return !passed || passed.getTime() <= m.lastSeen.getTime();
    })
    .sort((a, b) => b.lastSeen.getTime() - a.lastSeen.getTime() || a.code.localeCompare(b.code));
}
