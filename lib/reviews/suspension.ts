// Suspended cards (leeches, for now): list them, and put one back in rotation.
import type { Db } from "../db/client";
import { selectSuspendedStates, unsuspendCardState, type SuspendedState } from "../data/card-state";
import { notFound } from "../errors/app-error";

export type SuspendedCard = SuspendedState;

/** Most suspended cards listed at once. */
const LIST_LIMIT = 200;

/** The user's suspended cards, most recently suspended first. */
export async function listSuspendedCards(db: Db, userId: string): Promise<SuspendedCard[]> {
  return selectSuspendedStates(db, userId, LIST_LIMIT);
}

/**
 * Unsuspends one of the user's cards at `now`. It keeps its leech tag and
 * memory state, so the next lapses re-flag it (every 4 more, see
 * lib/scheduling/leech.ts). NOT_FOUND when the card is not suspended.
 */
export async function unsuspendCard(db: Db, userId: string, cardId: string, now: Date): Promise<void> {
  if (!(await unsuspendCardState(db, userId, cardId, now))) throw notFound("Suspended card");
}
