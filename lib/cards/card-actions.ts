// What a learner can do to cards, one function per action, each on a set of
// cards already checked visible (card-access.ts); a single card is a set of
// one. Schedule actions (suspend, unsuspend, bury, reset, set a due date)
// change only the learner's own card_state rows, so they apply to the public
// course too; tags, move and delete change the card itself and need the
// learner's own module. Every action is idempotent — repeating it changes
// nothing more — so a retried request needs no id. Each runs in one
// transaction; card_state writes bump the row's version, so a review racing
// an action recomputes from the action's result (lib/data/card-state.ts).
import type { PrismaClient } from "../db/generated/client";
import type { Db } from "../db/client";
import { addCardTag, deleteCards, moveCardsToModule, removeCardTag } from "../data/card";
import { buryCardStates, deleteCardStates, setCardStatesDue, suspendCardStates, unsuspendCardStates } from "../data/card-state";
import { lowerNewCursors } from "../data/enrollment";
import { selectUserSettings } from "../data/user-settings";
import { isRetryableWriteConflict } from "../data/write-conflict";
import { AppError, conflict, notFound } from "../errors/app-error";
import { quoteInput } from "../errors/quote-input";
import { studyDayEnd, studyDayKey, studyDayStartOfKey } from "../scheduling";
import { requireOwnCards, selectVisibleModules, type VisibleCard } from "./card-access";
import type { CardAction } from "./card-schemas";

/** How many cards an action was asked about, and how many it changed (the rest were already so). */
export type ActionResult = { action: CardAction["action"]; cards: number; changed: number };

export async function suspendCards(db: Db, userId: string, cards: readonly VisibleCard[], now: Date): Promise<number> {
  return suspendCardStates(db, userId, ids(cards), now);
}

export async function unsuspendCards(db: Db, userId: string, cards: readonly VisibleCard[], now: Date): Promise<number> {
  return unsuspendCardStates(db, userId, ids(cards), now);
}

/** Keeps the cards out of the queue until the user's next study day begins; a new card stays new. */
export async function buryCards(db: Db, userId: string, cards: readonly VisibleCard[], now: Date): Promise<number> {
  const settings = await selectUserSettings(db, userId);
  return buryCardStates(db, userId, ids(cards), studyDayEnd(now, settings.timeZone, settings.dayStartHour), now);
}

/**
 * Makes the cards new again: their states go (the review log keeps every past
 * review) and each module's new-card scan is told to look at them again.
 */
export async function resetCards(db: Db, userId: string, cards: readonly VisibleCard[]): Promise<number> {
  const changed = await deleteCardStates(db, userId, ids(cards));
  for (const [moduleId, position] of lowestPositions(cards)) await lowerNewCursors(db, { moduleId, userId }, position);
  return changed;
}

/** Most days ahead a due date may be set. */
const MAX_DUE_DAYS_AHEAD = 36500;

/**
 * Makes reviewed cards due at the start of study day `dayKey` (the user's time
 * zone), today or later; memory state is kept. New cards have no schedule and
 * are left as they are.
 */
export async function setDueDate(db: Db, userId: string, cards: readonly VisibleCard[], dayKey: string, now: Date): Promise<number> {
  const settings = await selectUserSettings(db, userId);
  const today = studyDayKey(now, settings.timeZone, settings.dayStartHour);
  const due = studyDayStartOfKey(dayKey, settings.timeZone, settings.dayStartHour);
  if (dayKey < today) throw new AppError("VALIDATION", `due: must be today (${today}) or later`, [{ path: "due", message: "in the past" }]);
  if (due.getTime() - now.getTime() > MAX_DUE_DAYS_AHEAD * 86_400_000) {
    throw new AppError("VALIDATION", `due: at most ${MAX_DUE_DAYS_AHEAD} days ahead`, [{ path: "due", message: "too far ahead" }]);
  }
  return setCardStatesDue(db, userId, ids(cards), due, now);
}

export async function addTag(db: Db, cards: readonly VisibleCard[], tag: string, now: Date): Promise<number> {
  requireOwnCards(cards, "tag");
  return addCardTag(db, ids(cards), tag, now);
}

export async function removeTag(db: Db, cards: readonly VisibleCard[], tag: string, now: Date): Promise<number> {
  requireOwnCards(cards, "untag");
  return removeCardTag(db, ids(cards), tag, now);
}

/** Moves the cards to the end of another of the user's own modules, where they keep their schedules. */
export async function moveCards(db: Db, userId: string, cards: readonly VisibleCard[], moduleSlug: string, now: Date): Promise<number> {
  requireOwnCards(cards, "move");
  const target = (await selectVisibleModules(db, userId)).find((m) => m.slug === moduleSlug && m.owned);
  if (!target) throw notFound(`Module ${quoteInput(moduleSlug)} of your own`);
  let first: number | null;
  try {
    first = await moveCardsToModule(db, ids(cards), target.id, now);
  } catch (error) {
    if (isRetryableWriteConflict(error)) throw conflict(`${quoteInput(moduleSlug)} already holds a card with the same source id as one being moved`);
    throw error;
  }
  if (first !== null) await lowerNewCursors(db, { moduleId: target.id }, first);
  return cards.filter((c) => c.moduleId !== target.id).length;
}

/** Deletes the cards and every learner's state of them; review_log keeps their history. */
export async function deleteOwnCards(db: Db, cards: readonly VisibleCard[]): Promise<number> {
  requireOwnCards(cards, "delete");
  return deleteCards(db, ids(cards));
}

/** Applies `action` to `cards` in one transaction. */
export async function applyCardAction(
  prisma: PrismaClient,
  userId: string,
  cards: readonly VisibleCard[],
  action: CardAction,
  now: Date,
): Promise<ActionResult> {
  const changed = await prisma.$transaction((tx) => {
    switch (action.action) {
      case "suspend":
        return suspendCards(tx, userId, cards, now);
      case "unsuspend":
        return unsuspendCards(tx, userId, cards, now);
      case "bury":
        return buryCards(tx, userId, cards, now);
      case "reset":
        return resetCards(tx, userId, cards);
      case "set-due":
        return setDueDate(tx, userId, cards, action.due, now);
      case "add-tag":
        return addTag(tx, cards, action.tag, now);
      case "remove-tag":
        return removeTag(tx, cards, action.tag, now);
      case "move":
        return moveCards(tx, userId, cards, action.module, now);
      case "delete":
        return deleteOwnCards(tx, cards);
    }
  });
  return { action: action.action, cards: cards.length, changed };
}

function ids(cards: readonly VisibleCard[]): string[] {
  return cards.map((c) => c.id);
}

/** Each module's lowest position among `cards`. */
function lowestPositions(cards: readonly VisibleCard[]): Map<string, number> {
  const lowest = new Map<string, number>();
  for (const c of cards) lowest.set(c.moduleId, Math.min(c.position, lowest.get(c.moduleId) ?? c.position));
  return lowest;
}
