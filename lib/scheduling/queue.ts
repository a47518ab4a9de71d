import type { FsrsStateName } from "./types";

/** Anki's default: with nothing else left, learning cards due this soon are shown early. */
export const DEFAULT_LEARN_AHEAD_MINUTES = 20;

/** A card the user has a state row for (from `CardState`). */
export type QueueStateCard = {
  cardId: string;
  siblingKey: string;
  due: Date;
  state: FsrsStateName;
  /** True for suspended cards (leeches, or suspended by hand): never queued. */
  suspended?: boolean;
};

/** A card the user has never reviewed. */
export type QueueNewCard = { cardId: string; siblingKey: string };

/** A card reviewed during the current study day. */
export type QueueReviewedCard = { cardId: string; siblingKey: string };

export type QueueSettings = {
  /** Daily limit on new cards, ≥ 0. */
  newCardsPerDay: number;
  /** Minutes of learn-ahead when nothing else is due; default {@link DEFAULT_LEARN_AHEAD_MINUTES}. */
  learnAheadMinutes?: number;
};

export type QueueInput = {
  /** States due before `studyDayEnd` (later ones and `NEW` rows are ignored), e.g. unsuspended `CardState` rows. */
  dueCards: readonly QueueStateCard[];
  /** Never-reviewed cards in module order; pass a few more than the remaining limit so burying cannot starve the day. */
  newCandidates: readonly QueueNewCard[];
  /** New cards first reviewed during the current study day, ≥ 0. */
  newIntroducedToday: number;
  /** Cards reviewed during the current study day, with their sibling keys (one entry per card is enough). */
  reviewedToday: readonly QueueReviewedCard[];
  settings: QueueSettings;
  /** End of the current study day (`studyDayEnd(now, …)`). */
  studyDayEnd: Date;
};

export type QueueKind = "learning" | "review" | "new";

export type QueueItem = { cardId: string; siblingKey: string; kind: QueueKind; due: Date | null };

export type StudyQueue = {
  items: QueueItem[];
  counts: { learning: number; review: number; new: number };
};

type Plan = { learningNow: QueueItem[]; learningLater: QueueItem[]; reviews: QueueItem[]; news: QueueItem[]; held: boolean };

const byDue = (a: QueueStateCard, b: QueueStateCard): number => a.due.getTime() - b.due.getTime() || (a.cardId < b.cardId ? -1 : a.cardId > b.cardId ? 1 : 0);

const isLearning = (state: FsrsStateName): boolean => state === "LEARNING" || state === "RELEARNING";

function plan(input: QueueInput, now: Date): Plan {
  const reviewersByKey = new Map<string, Set<string>>();
  for (const { siblingKey, cardId } of input.reviewedToday) {
    reviewersByKey.set(siblingKey, (reviewersByKey.get(siblingKey) ?? new Set<string>()).add(cardId));
  }
  const claimed = new Set<string>();
  let held = false;
  const take = (card: { cardId: string; siblingKey: string }): boolean => {
    const reviewers = reviewersByKey.get(card.siblingKey);
    const buried = reviewers !== undefined && [...reviewers].some((id) => id !== card.cardId);
    if (buried || claimed.has(card.siblingKey)) {
      held = true;
      return false;
    }
    claimed.add(card.siblingKey);
    return true;
  };
  const end = input.studyDayEnd.getTime();
  const active = input.dueCards.filter((c) => !c.suspended && c.due.getTime() < end).sort(byDue);
  const learningNow: QueueItem[] = [];
  const learningLater: QueueItem[] = [];
  for (const card of active.filter((c) => isLearning(c.state))) {
    if (!take(card)) continue;
    const item: QueueItem = { cardId: card.cardId, siblingKey: card.siblingKey, kind: "learning", due: card.due };
    (card.due.getTime() <= now.getTime() ? learningNow : learningLater).push(item);
  }
  const reviews = active
    .filter((c) => c.state === "REVIEW" && take(c))
    .map((c): QueueItem => ({ cardId: c.cardId, siblingKey: c.siblingKey, kind: "review", due: c.due }));
  const remaining = Math.max(0, input.settings.newCardsPerDay - input.newIntroducedToday);
  const news: QueueItem[] = [];
  for (const card of input.newCandidates) {
    if (news.length >= remaining) {
      held = true;
      break;
    }
    if (take(card)) news.push({ cardId: card.cardId, siblingKey: card.siblingKey, kind: "new", due: null });
  }
  return { learningNow, learningLater, reviews, news, held };
}

/**
 * Spreads `news` evenly through `reviews`: new card i (0-based) follows
 * ⌈(i+1)·R/(N+1)⌉ reviews. New cards last would go unseen by anyone who stops
 * after the reviews; new cards first would push overdue reviews back. Even
 * spacing keeps reviews on time and mixes easy recalls with fresh material.
 */
function interleave(reviews: readonly QueueItem[], news: readonly QueueItem[]): QueueItem[] {
  const out: QueueItem[] = [];
  let r = 0;
  let n = 0;
  while (r < reviews.length || n < news.length) {
    const newIsDue = r * (news.length + 1) >= (n + 1) * reviews.length;
    const next = n < news.length && (newIsDue || r >= reviews.length) ? news[n++] : reviews[r++];
    if (next) out.push(next);
  }
  return out;
}

function learnAheadMs(settings: QueueSettings): number {
  return (settings.learnAheadMinutes ?? DEFAULT_LEARN_AHEAD_MINUTES) * 60_000;
}

/**
 * The cards to study at `now`, in order, with counts. PURE: reads no clock.
 *
 * 1. (Re)learning cards due by `now`, earliest due first: they are mid-step.
 * 2. Review cards due before `studyDayEnd`, earliest (most overdue) first, with
 *    new cards, in module order and up to `newCardsPerDay` less those already
 *    introduced today, spread evenly among them (see `interleave`).
 * 3. With nothing else to study, (re)learning cards due within the
 *    learn-ahead window (Anki's learn-ahead) rather than an empty screen.
 *
 * Siblings (same `siblingKey`) never come twice in a study day: a card whose
 * sibling (another card with its key) was reviewed today is buried until
 * tomorrow, whatever its state, and among candidates only the first per key
 * is taken, in the priority above, a learning card due later today included
 * (so a sibling cannot slip in before that card's next step). A card's own
 * review today does not bury it. Suspended cards (`suspended: true`) are never
 * queued.
 */
export function buildQueue(input: QueueInput, now: Date): StudyQueue {
  const { learningNow, learningLater, reviews, news } = plan(input, now);
  let items = [...learningNow, ...interleave(reviews, news)];
  if (items.length === 0) {
    const horizon = now.getTime() + learnAheadMs(input.settings);
    items = learningLater.filter((item) => item.due !== null && item.due.getTime() <= horizon);
  }
  const counts = { learning: 0, review: 0, new: 0 };
  for (const item of items) counts[item.kind] += 1;
  return { items, counts };
}

/**
 * For the empty state ("next card at …"): the earliest instant ≥ `now` at
 * which `buildQueue(input, t)` would hold a card, assuming nothing is reviewed
 * meanwhile. `now` if the queue is not empty; a learning card's due less the
 * learn-ahead window; `studyDayEnd` when cards are only held back for today
 * (buried siblings, the new-card limit); `null` when nothing in `input` will
 * come up. Cards due after `studyDayEnd` are not in `input`: the caller compares
 * with the earliest of those itself.
 */
export function nextDueAfter(input: QueueInput, now: Date): Date | null {
  if (buildQueue(input, now).items.length > 0) return now;
  const { learningLater, held } = plan(input, now);
  const times = learningLater.flatMap((item) => (item.due ? [item.due.getTime() - learnAheadMs(input.settings)] : []));
  if (held) times.push(input.studyDayEnd.getTime());
  return times.length === 0 ? null : new Date(Math.min(...times));
}
