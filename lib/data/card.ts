// Data access for card, always seen through a user: a card is visible when its
// module is public or the user's own, and the user is enrolled in it.
import type { Card } from "../db/generated/client";
import type { Db } from "../db/client";
import { notFound } from "../errors/app-error";

export type { Card };

function visibleTo(userId: string) {
  return {
    archivedAt: null,
    module: { OR: [{ scope: "public" }, { scope: userId }], enrollments: { some: { userId } } },
  };
}

/** A card the user may study; throws NOT_FOUND otherwise (another user's card included). */
export async function selectVisibleCard(db: Db, userId: string, cardId: string): Promise<Card> {
  const card = await db.card.findFirst({ where: { id: cardId, ...visibleTo(userId) } });
  if (!card) throw notFound("Card");
  return card;
}

export async function selectVisibleCards(db: Db, userId: string, cardIds: string[]): Promise<Card[]> {
  if (cardIds.length === 0) return [];
  return db.card.findMany({ where: { id: { in: cardIds }, ...visibleTo(userId) } });
}
