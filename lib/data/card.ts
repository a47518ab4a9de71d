// Data access for card, always seen through a user: a card is visible when its
// module is public or the user's own, and the user is enrolled in it (the same
// rule as lib/reviews/review-context.ts).
import type { Card } from "../db/generated/client";
import type { Db } from "../db/client";

export type { Card };

function visibleTo(userId: string) {
  return {
    archivedAt: null,
    module: { OR: [{ scope: "public" }, { scope: userId }], enrollments: { some: { userId } } },
  };
}

export async function selectVisibleCards(db: Db, userId: string, cardIds: string[]): Promise<Card[]> {
  if (cardIds.length === 0) return [];
  return db.card.findMany({ where: { id: { in: cardIds }, ...visibleTo(userId) } });
}
