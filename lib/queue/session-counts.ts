// The review screen's three counts (new · learning · to review), as Anki shows
// them: they move with every rating, and a card that will come back today is
// counted as learning from the moment it is rated, not when the server answers.
import type { QueueCard, QueueKind, RatingPreview } from "./queue-card";

export type SessionCounts = Record<QueueKind, number>;

/**
 * The counts at this point of a session: `queue` is what the screen still
 * holds (the current card first), `expectedBack` the ids of cards rated and
 * due back today whose requeue has not arrived yet (each counts as learning
 * unless it is already in `queue`), `beyond` the cards of today's queue never
 * handed to the screen (today-queue's QUEUE_LIMIT).
 */
export function sessionCounts(
  queue: readonly Pick<QueueCard, "cardId" | "queueKind">[],
  expectedBack: ReadonlySet<string>,
  beyond: SessionCounts = { new: 0, learning: 0, review: 0 },
): SessionCounts {
  const counts = { ...beyond };
  const held = new Set<string>();
  for (const card of queue) {
    counts[card.queueKind] += 1;
    held.add(card.cardId);
  }
  for (const id of expectedBack) if (!held.has(id)) counts.learning += 1;
  return counts;
}

/** Today's cards not handed to the screen: the queue's counts less the cards it was given, per kind. */
export function countsBeyond(total: SessionCounts, handed: readonly Pick<QueueCard, "cardId" | "queueKind">[]): SessionCounts {
  const given = sessionCounts(handed, new Set());
  return { new: Math.max(0, total.new - given.new), learning: Math.max(0, total.learning - given.learning), review: Math.max(0, total.review - given.review) };
}

/**
 * Whether rating a card `rating` brings it back before the study day ends
 * (ISO `studyDayEnd`): Again, or a learning step, rather than graduating. The
 * card's own preview of that rating says when it would be due.
 */
export function comesBackToday(previews: readonly RatingPreview[], rating: 1 | 2 | 3 | 4, studyDayEnd: string): boolean {
  const preview = previews.find((p) => p.rating === rating);
  return preview !== undefined && Date.parse(preview.due) < Date.parse(studyDayEnd);
}
