import type { SchedulingState } from "./types";

/** Lapses (Again on a card in review) at which a card counts as a leech by default, as in Anki. */
export const LEECH_LAPSE_THRESHOLD = 8;

/** Extra lapses after the default threshold at which a leech is flagged again (half the threshold, as in Anki). */
export const LEECH_REPEAT_LAPSES = LEECH_LAPSE_THRESHOLD / 2;

/** What a preset does with a new leech: take it out of the review, or only mark it. */
export const LEECH_ACTIONS = ["SUSPEND", "TAG"] as const;
export type LeechAction = (typeof LEECH_ACTIONS)[number];

/** Whether a card has lapsed often enough to count as a leech (`null`, a new card, never does). */
export function isLeech(state: Pick<SchedulingState, "lapses"> | null, threshold = LEECH_LAPSE_THRESHOLD): boolean {
  return state !== null && state.lapses >= threshold;
}

/**
 * Whether the review that turned `previous` into `next` just made the card a
 * leech, i.e. the caller should set `isLeech` and apply the preset's leech
 * action. True when this review added a lapse and the lapse count reached
 * `threshold` (≥ 1, default 8), or every ⌈threshold/2⌉ more after it (8, 12,
 * 16, … as Anki does), so a leech the learner un-suspended and keeps failing
 * is flagged again instead of churning silently. `previous` is `null` for a
 * new card.
 */
export function becameLeech(
  previous: Pick<SchedulingState, "lapses"> | null,
  next: Pick<SchedulingState, "lapses">,
  threshold = LEECH_LAPSE_THRESHOLD,
): boolean {
  const before = previous?.lapses ?? 0;
  if (next.lapses <= before || next.lapses < threshold) return false;
  return (next.lapses - threshold) % Math.max(1, Math.ceil(threshold / 2)) === 0;
}
