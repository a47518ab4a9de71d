// The entry points of the card actions: one card by id, or a bulk selection
// (ids, or everything a search matches). Both check what the user may see
// first: a card they cannot see is "not found", never "forbidden".
import type { PrismaClient } from "../db/generated/client";
import { notFound } from "../errors/app-error";
import { requireVisibleCard, selectVisibleCards } from "./card-access";
import { applyCardAction, type ActionResult } from "./card-actions";
import { MAX_BULK_CARDS, type CardAction, type CardSelection } from "./card-schemas";
import { selectMatchingCardIds } from "./card-search";

/** `action` on one card the user may see (NOT_FOUND otherwise). */
export async function actOnCard(prisma: PrismaClient, userId: string, cardId: string, action: CardAction, now: Date): Promise<ActionResult> {
  const card = await requireVisibleCard(prisma, userId, cardId);
  return applyCardAction(prisma, userId, [card], action, now);
}

/** `action` on every selected card, at most MAX_BULK_CARDS; NOT_FOUND when a listed id is not one the user may see. */
export async function actOnCards(prisma: PrismaClient, userId: string, selection: CardSelection, action: CardAction, now: Date): Promise<ActionResult> {
  const ids = "ids" in selection ? [...new Set(selection.ids)] : await selectMatchingCardIds(prisma, userId, selection.matching, now, MAX_BULK_CARDS);
  const cards = await selectVisibleCards(prisma, userId, ids);
  if (cards.length < ids.length) throw notFound(`${ids.length - cards.length} of the ${ids.length} cards were`);
  return applyCardAction(prisma, userId, cards, action, now);
}
