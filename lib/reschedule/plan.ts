// What rescheduling does to one review card: its memory state from its log
// under the weights in use, and the due date that state gives at its
// module's desired retention, on a day the load balancer picks when the
// learner balances. Pure: settings, the load and cards are arguments.
import type { SchedulerSettings, SchedulingState } from "../scheduling";
import { memoryReplayer } from "../scheduling/memory-replay";
import { reviewIntervalOf } from "../scheduling/review-interval";
import { memoryStateFromLog, type LoggedReview } from "./memory-state";
import type { ReschedulingLoad } from "./rescheduling-load";

/** A review card as the reschedule reads it: its state, the version read with it and its log. */
export type RescheduleCandidate = {
  cardId: string;
  moduleId: string;
  version: number;
  state: Pick<SchedulingState, "due" | "scheduledDays" | "stability" | "difficulty" | "elapsedDays" | "reps"> & { lastReview: Date };
  reviews: readonly LoggedReview[];
};

/** The columns a reschedule changes (and an undo puts back). */
export type RescheduledValues = { due: Date; scheduledDays: number; stability: number; difficulty: number };

/** One card's change: the values before and after, and the version they were computed from. */
export type CardChange = { cardId: string; version: number; before: RescheduledValues; after: RescheduledValues };

/** Reschedules one card under one module's settings; null when nothing would change. */
export type CardRescheduler = (card: RescheduleCandidate) => CardChange | null;

/**
 * A rescheduler bound to `settings` (a module's retention and steps over the
 * learner's weights, interval cap and study days). A card's stability and
 * difficulty come from replaying its log (kept as stored when the log is not
 * usable, see `memoryStateFromLog`); its due is its last review plus the
 * fuzzed FSRS interval for that stability (`reviewIntervalOf`). With `load`
 * (the learner balances) the day within the fuzz range is the balancer's,
 * and the card is placed on its day in `load`, moved or not, so later cards
 * see it (see rescheduling-load.ts).
 */
export function cardRescheduler(settings: SchedulerSettings, load?: ReschedulingLoad): CardRescheduler {
  const replay = memoryReplayer(settings);
  const intervalOf = reviewIntervalOf(settings);
  return (card) => {
    const { state } = card;
    const memory = memoryStateFromLog(replay, card.reviews, state.lastReview) ?? state;
    const { due, scheduledDays } = intervalOf({ ...state, stability: memory.stability, difficulty: memory.difficulty }, load?.forCard(state.lastReview));
    const before: RescheduledValues = { due: state.due, scheduledDays: state.scheduledDays, stability: state.stability, difficulty: state.difficulty };
    const after: RescheduledValues = { due, scheduledDays, stability: memory.stability, difficulty: memory.difficulty };
    const same =
      before.due.getTime() === after.due.getTime() &&
      before.scheduledDays === after.scheduledDays &&
      before.stability === after.stability &&
      before.difficulty === after.difficulty;
    load?.place(after.due);
    return same ? null : { cardId: card.cardId, version: card.version, before, after };
  };
}
