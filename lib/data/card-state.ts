// Data access for card_state: one user's FSRS state of one card.
import type { CardState } from "../db/generated/client";
import type { Db } from "../db/client";

export type { CardState };

export async function selectOptionalCardState(db: Db, userId: string, cardId: string): Promise<CardState | null> {
  return db.cardState.findUnique({ where: { userId_cardId: { userId, cardId } } });
}

type StateColumns = Omit<CardState, "id" | "userId" | "cardId" | "version" | "createdAt" | "updatedAt">;

/**
 * Compare-and-set: writes only if the row still has `expectedVersion`, and
 * bumps the version. Returns false when another writer got there first.
 */
export async function updateCardStateIfVersion(
  db: Db,
  id: string,
  expectedVersion: number,
  columns: StateColumns,
): Promise<boolean> {
  const { count } = await db.cardState.updateMany({
    where: { id, version: expectedVersion },
    data: { ...columns, version: { increment: 1 } },
  });
  return count === 1;
}

export async function deleteCardStateIfVersion(db: Db, id: string, expectedVersion: number): Promise<boolean> {
  const { count } = await db.cardState.deleteMany({ where: { id, version: expectedVersion } });
  return count === 1;
}
