import type { SchedulingState } from "./types";

/** Lapses (Again on a card in review) at which a card counts as a leech, as in Anki. */
export const LEECH_LAPSE_THRESHOLD = 8;

/** Extra lapses after the threshold at which a leech is flagged again (half the threshold, as in Anki). */
export const LEECH_REPEAT_LAPSES = LEECH_LAPSE_THRESHOLD / 2;

/** Whether a card has lapsed often enough to count as a leech (`null`, a new card, never does). */
export function isLeech(state: Pick<SchedulingState, "lapses"> | null): boolean {
  return state !== null && state.lapses >= LEECH_LAPSE_THRESHOLD;
}

/**
 * Whether the review that turned `previous` into `next` just made the card a
 * leech, i.e. the caller should set `isLeech` and suspend the card. True when
 * this review added a lapse and the lapse count reached 8, or 12, 16, … (every
 * 4 more, as Anki does), so a leech the learner un-suspended and keeps failing
 * is flagged again instead of churning silently. `previous` is `null` for a
 * new card.
 */
export function becameLeech(previous: Pick<SchedulingState, "lapses"> | null, next: Pick<SchedulingState, "lapses">): boolean {
  const before = previous?.lapses ?? 0;
  if (next.lapses <= before || next.lapses < LEECH_LAPSE_THRESHOLD) return false;
  return (next.lapses - LEECH_LAPSE_THRESHOLD) % LEECH_REPEAT_LAPSES === 0;
}
