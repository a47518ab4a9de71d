/** The four FSRS card states, spelled as the Prisma `FsrsState` enum spells them. */
export const FSRS_STATE_NAMES = ["NEW", "LEARNING", "REVIEW", "RELEARNING"] as const;

/** One FSRS card state (`NEW` only ever appears in a review log: a new card has no row). */
export type FsrsStateName = (typeof FSRS_STATE_NAMES)[number];

/** A rating as stored in `ReviewLog.rating`: 1 Again, 2 Hard, 3 Good, 4 Easy. */
export type Rating = 1 | 2 | 3 | 4;

/** The ratings by name, for callers that would rather not write bare numbers. */
export const RATING = { again: 1, hard: 2, good: 3, easy: 4 } as const satisfies Record<string, Rating>;

/** All four ratings in button order (Again → Easy). */
export const RATINGS: readonly Rating[] = [1, 2, 3, 4];

/**
 * A user's memory state for one card: the mirror of the Prisma `CardState`
 * scheduling columns (a `CardState` row is assignable to it). `null` wherever a
 * state is expected means the card is new to the user (there is no row).
 *
 * Units: `due`/`lastReview` are instants; `stability` is in days (the interval
 * at which recall probability is 90%); `difficulty` is in [1, 10];
 * `elapsedDays` (days between the two latest reviews, counted in UTC calendar
 * days by ts-fsrs) and `scheduledDays` (the interval FSRS chose, 0 while in
 * (re)learning steps) are whole days; `learningSteps` is the index of the
 * current (re)learning step.
 */
export type SchedulingState = {
  due: Date;
  stability: number;
  difficulty: number;
  elapsedDays: number;
  scheduledDays: number;
  learningSteps: number;
  reps: number;
  lapses: number;
  state: FsrsStateName;
  lastReview: Date | null;
};

/**
 * The FSRS fields of one `ReviewLog` row. Following ts-fsrs (its `rollback`
 * relies on it) every memory field holds the value from BEFORE the review:
 * `state`, `stability`, `difficulty`, `scheduledDays`, `learningSteps` are the
 * card's values going into the review, and `lastElapsedDays` is the card's
 * previous `elapsedDays`. `elapsedDays` is the days since the previous review,
 * measured at this review. `due` is ts-fsrs's log `due`: the card's previous
 * `lastReview` when it had one, otherwise (a new card) its previous `due`.
 * `reviewedAt` is the review instant (the server's clock).
 */
export type ReviewLogFields = {
  rating: Rating;
  state: FsrsStateName;
  due: Date;
  stability: number;
  difficulty: number;
  elapsedDays: number;
  lastElapsedDays: number;
  scheduledDays: number;
  learningSteps: number;
  reviewedAt: Date;
};

/** Narrows a stored `ReviewLog.rating` (a plain Int column) to a `Rating`. */
export function isRating(value: number): value is Rating {
  return value === 1 || value === 2 || value === 3 || value === 4;
}
