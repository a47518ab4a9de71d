// A simulated learner reviewing cards with the project's own scheduler, and a
// writer that stores the result as review_log rows. The simulation is pure
// (fixed seed, fixed dates), so the bench uses it without a database.
import { randomUUID } from "node:crypto";
import type { PrismaClient } from "@/lib/db/generated/client";
import { seededRandom } from "@/lib/reference/seeded-random";
import { DEFAULT_SCHEDULER_SETTINGS, applyRating, toStateSnapshot, type Rating, type ReviewLogFields, type SchedulingState } from "@/lib/scheduling";

export type SimulatedReview = ReviewLogFields & { cardId: string; stateBefore: SchedulingState | null; versionAfter: number };

export type SimulationOptions = {
  seed: number;
  start: Date;
  days: number;
  newPerDay: number;
  /** The learner's true stability as a multiple of the scheduler's: below 1, they forget faster than FSRS assumes. */
  memoryFactor: number;
};

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

/**
 * Every review of `cardIds` by a simulated learner, in time order. Cards are
 * introduced `newPerDay` a day from `start` at 09:00 UTC and reviewed when due
 * (a few hours late for day-scale intervals) until `days` have passed.
 * Recall: 85% on a new card or a (re)learning step; for a review, 0.9 to the
 * power elapsed / (memoryFactor × stability). A pass is Good 80%, Hard 10%, Easy 10%.
 */
export function simulateReviews(cardIds: readonly string[], options: SimulationOptions): SimulatedReview[] {
  const random = seededRandom(options.seed);
  const end = options.start.getTime() + options.days * DAY;
  const reviews: SimulatedReview[] = [];
  cardIds.forEach((cardId, index) => {
    let at = options.start.getTime() + Math.floor(index / options.newPerDay) * DAY + (index % options.newPerDay) * 60_000;
    let state: SchedulingState | null = null;
    let version = 0;
    while (at < end) {
      const rating = simulatedRating(state, at, options.memoryFactor, random);
      const { next, log } = applyRating(state, rating, new Date(at), DEFAULT_SCHEDULER_SETTINGS);
      version += 1;
      reviews.push({ ...log, cardId, stateBefore: state, versionAfter: version });
      state = next;
      const due = next.due.getTime();
      at = due - at < DAY ? due : due + Math.floor(random() * 6 * HOUR);
    }
  });
  return reviews.sort((a, b) => a.reviewedAt.getTime() - b.reviewedAt.getTime());
}

function simulatedRating(state: SchedulingState | null, at: number, memoryFactor: number, random: () => number): Rating {
  const recall =
    state === null || state.state !== "REVIEW" || !state.lastReview
      ? 0.85
      : 0.9 ** ((at - state.lastReview.getTime()) / DAY / (memoryFactor * state.stability));
  if (random() >= recall) return 1;
  const pass = random();
  return pass < 0.8 ? 3 : pass < 0.9 ? 2 : 4;
}

/** Stores `reviews` as `userId`'s review_log rows (the cards must exist). */
export async function writeReviewLog(db: PrismaClient, userId: string, reviews: readonly SimulatedReview[]): Promise<void> {
  const rows = reviews.map((r) => ({
    id: randomUUID(),
    userId,
    cardId: r.cardId,
    rating: r.rating,
    state: r.state,
    due: r.due,
    stability: r.stability,
    difficulty: r.difficulty,
    elapsedDays: r.elapsedDays,
    lastElapsedDays: r.lastElapsedDays,
    scheduledDays: r.scheduledDays,
    learningSteps: r.learningSteps,
    reviewedAt: r.reviewedAt,
    stateBefore: toStateSnapshot(r.stateBefore),
    stateVersionAfter: r.versionAfter,
  }));
  for (let i = 0; i < rows.length; i += 1000) await db.reviewLog.createMany({ data: rows.slice(i, i + 1000) });
}
