// Suspended cards (leeches, for now): list them, and put one back in rotation.
import type { Db } from "../db/client";
import { notFound } from "../errors/app-error";

export type SuspendedCard = { cardId: string; front: string; topic: string; lapses: number; isLeech: boolean; suspendedAt: Date };

/** The user's suspended cards, most recently suspended first. */
export async function listSuspendedCards(db: Db, userId: string): Promise<SuspendedCard[]> {
  const rows = await db.cardState.findMany({
    where: { userId, suspendedAt: { not: null }, card: { archivedAt: null } },
    orderBy: { suspendedAt: "desc" },
    take: 200,
    select: { cardId: true, lapses: true, isLeech: true, suspendedAt: true, card: { select: { front: true, topic: true } } },
  });
  return rows.map((r) => ({
    cardId: r.cardId,
    front: r.card.front,
    topic: r.card.topic,
    lapses: r.lapses,
    isLeech: r.isLeech,
    suspendedAt: r.suspendedAt ?? new Date(0),
  }));
}

/**
 * Unsuspends one of the user's cards. It keeps its leech tag and memory state,
 * so the next lapses re-flag it (every 4 more, see lib/scheduling/leech.ts).
 * Bumps the version so a device holding the old state cannot overwrite this.
 */
export async function unsuspendCard(db: Db, userId: string, cardId: string): Promise<void> {
  const { count } = await db.cardState.updateMany({
    where: { userId, cardId, suspendedAt: { not: null } },
    data: { suspendedAt: null, version: { increment: 1 } },
  });
  if (count === 0) throw notFound("Suspended card");
}
