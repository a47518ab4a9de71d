// A card's memory state (stability, difficulty) from its reviews alone, for
// recomputing it under new weights. The same ts-fsrs path a review takes, in
// study time, with fuzz off: fuzz moves only due dates, never the memory
// state, and seeding it costs most of a replay (≈70 µs a review with it,
// ≈10 µs without).
import { createFsrs, toFsrsCard, toGrade } from "./fsrs-adapter";
import type { SchedulerSettings } from "./settings";
import { toStudyTime } from "./study-time";
import type { Rating } from "./types";

/** One review of a history: its rating and instant. */
export type MemoryReplayReview = { rating: Rating; at: Date };

/**
 * `settings` bound once; each call gives the stability (days) and difficulty
 * (1–10) after `reviews` (a card's history from its first sight, strictly in
 * time order), or null for an empty history. Equal to the memory state
 * `replayReviews` gives for the same reviews. Pure.
 */
export function memoryReplayer(settings: SchedulerSettings): (reviews: readonly MemoryReplayReview[]) => { stability: number; difficulty: number } | null {
  const scheduler = createFsrs(settings, "", { fuzz: false });
  const clock = settings.studyClock;
  return (reviews) => {
    let card = null;
    for (const review of reviews) {
      const at = toStudyTime(review.at, clock);
      card = scheduler.next(card ?? toFsrsCard(null, at), at, toGrade(review.rating)).card;
    }
    return card ? { stability: card.stability, difficulty: card.difficulty } : null;
  };
}
