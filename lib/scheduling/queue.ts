import { mergeEvenly, mixNewCards, orderReviews, type NewCardMix, type ReviewOrder } from "./queue-order";
import type { FsrsStateName } from "./types";

/** Anki's default: with nothing else left, learning cards due this soon are shown early. */
export const DEFAULT_LEARN_AHEAD_MINUTES = 20;

/** The group of modules that follow the learner's own settings (the default preset). */
export const DEFAULT_GROUP = "default";

/** A card the user has a state row for (from `CardState`). */
export type QueueStateCard = {
  cardId: string;
  siblingKey: string;
  due: Date;
  state: FsrsStateName;
  /** True for suspended cards (leeches, or suspended by hand): never queued. */
  suspended?: boolean;
  /** The card's module, for its preset's limits and order (absent: the default preset). */
  moduleId?: string;
  /** For the retrievability order. */
  stability?: number;
  lastReview?: Date | null;
};

/** A card the user has never reviewed. */
export type QueueNewCard = { cardId: string; siblingKey: string; moduleId?: string };

/** A card reviewed during the current study day. */
export type QueueReviewedCard = { cardId: string; siblingKey: string };

/** The display order of a group of modules (a preset). */
export type QueueOrder = { reviewOrder: ReviewOrder; newCardMix: NewCardMix };

export type QueueSettings = {
  /** Daily limit on new cards, ≥ 0. */
  newCardsPerDay: number;
  /** Daily limit on review cards, ≥ 0; absent: none. Learning cards are never held back. */
  maximumReviewsPerDay?: number;
  /** When false (the default), new cards also stop once today's reviews and new cards reach `maximumReviewsPerDay`. */
  newIgnoresReviewLimit?: boolean;
  /** Order of the default group; absent: due date, new cards mixed in. */
  order?: QueueOrder;
  /** Minutes of learn-ahead when nothing else is due; default {@link DEFAULT_LEARN_AHEAD_MINUTES}. */
  learnAheadMinutes?: number;
};

/**
 * A module with a preset of its own: its cards are ordered as `order` says
 * (with the other modules of `group`), and it shows at most
 * `maximumReviewsPerDay` review cards a day, less `reviewsToday`. Its new-card
 * limit is applied where candidates are chosen (they arrive already capped).
 */
export type QueueModule = {
  group: string;
  order: QueueOrder;
  maximumReviewsPerDay: number;
  newIgnoresReviewLimit: boolean;
  /** This module's review cards reviewed today, and new cards introduced today. */
  reviewsToday: number;
  newToday: number;
};

export type QueueInput = {
  /** States due before `studyDayEnd` (later ones and `NEW` rows are ignored), e.g. unsuspended `CardState` rows. */
  dueCards: readonly QueueStateCard[];
  /** Never-reviewed cards in module order; pass a few more than the remaining limit so burying cannot starve the day. */
  newCandidates: readonly QueueNewCard[];
  /** New cards first reviewed during the current study day, ≥ 0. */
  newIntroducedToday: number;
  /** Review cards (state REVIEW before the rating) reviewed during the current study day, ≥ 0. */
  reviewsToday?: number;
  /** Cards reviewed during the current study day, with their sibling keys (one entry per card is enough). */
  reviewedToday: readonly QueueReviewedCard[];
  settings: QueueSettings;
  /** Modules with a preset of their own, by id; others follow `settings`. */
  modules?: ReadonlyMap<string, QueueModule>;
  /** End of the current study day (`studyDayEnd(now, …)`). */
  studyDayEnd: Date;
  /** The study day's key (`studyDayKey`), the seed of the random order. */
  dayKey?: string;
};

export type QueueKind = "learning" | "review" | "new";

export type QueueItem = { cardId: string; siblingKey: string; kind: QueueKind; due: Date | null };

/** Which limit stopped cards today: the learner's own (`day`), a module's preset, or (new cards) the review limit. */
export type LimitHolder = "day" | "module" | "review-limit";

/** Cards due or waiting today that a daily limit keeps back, and the limit that holds (null: none). */
export type HeldBack = { review: number; reviewLimit: LimitHolder | null; newLimit: LimitHolder | null };

export type StudyQueue = {
  items: QueueItem[];
  counts: { learning: number; review: number; new: number };
  held: HeldBack;
};

type Plan = { learningNow: QueueItem[]; learningLater: QueueItem[]; main: QueueItem[]; held: boolean; limits: HeldBack };

const byDue = (a: QueueStateCard, b: QueueStateCard): number => a.due.getTime() - b.due.getTime() || (a.cardId < b.cardId ? -1 : a.cardId > b.cardId ? 1 : 0);

const isLearning = (state: FsrsStateName): boolean => state === "LEARNING" || state === "RELEARNING";

function pushTo<T>(map: Map<string, T[]>, key: string, item: T): void {
  const list = map.get(key);
  if (list) list.push(item);
  else map.set(key, [item]);
}

const DEFAULT_ORDER: QueueOrder = { reviewOrder: "DUE", newCardMix: "MIXED" };

/** What is left of each daily budget while the plan takes cards. */
type Budgets = { dayReviews: number; moduleReviews: Map<string, number>; dayNews: number };

function startBudgets(input: QueueInput): Budgets {
  const { settings } = input;
  const newToday = input.newIntroducedToday;
  const reviewsToday = input.reviewsToday ?? 0;
  const dayMax = settings.maximumReviewsPerDay ?? Number.POSITIVE_INFINITY;
  const moduleReviews = new Map<string, number>();
  for (const [id, m] of input.modules ?? []) {
    moduleReviews.set(id, Math.max(0, m.maximumReviewsPerDay - m.reviewsToday - (m.newIgnoresReviewLimit ? 0 : m.newToday)));
  }
  return {
    dayReviews: Math.max(0, dayMax - reviewsToday - (settings.newIgnoresReviewLimit ? 0 : newToday)),
    moduleReviews,
    dayNews: Math.max(0, settings.newCardsPerDay - newToday),
  };
}

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

  const modules = input.modules ?? new Map<string, QueueModule>();
  const groupOf = (moduleId: string | undefined): string => (moduleId === undefined ? DEFAULT_GROUP : (modules.get(moduleId)?.group ?? DEFAULT_GROUP));
  const orderOf = (group: string): QueueOrder => {
    if (group === DEFAULT_GROUP) return input.settings.order ?? DEFAULT_ORDER;
    for (const m of modules.values()) if (m.group === group) return m.order;
    return DEFAULT_ORDER;
  };
  const groups = new Map<string, QueueStateCard[]>([[DEFAULT_GROUP, []]]);
  for (const card of active) {
    if (card.state !== "REVIEW") continue;
    const group = groupOf(card.moduleId);
    pushTo(groups, group, card);
  }
  const dayKey = input.dayKey ?? input.studyDayEnd.toISOString();
  const candidates = mergeEvenly([...groups].map(([group, cards]) => orderReviews(cards, orderOf(group).reviewOrder, now, dayKey)));

  const budgets = startBudgets(input);
  const limits: HeldBack = { review: 0, reviewLimit: null, newLimit: null };
  const reviewsByGroup = new Map<string, QueueItem[]>();
  for (const card of candidates) {
    const moduleLeft = card.moduleId === undefined ? undefined : budgets.moduleReviews.get(card.moduleId);
    if (budgets.dayReviews <= 0 || moduleLeft === 0) {
      limits.review += 1;
      limits.reviewLimit ??= budgets.dayReviews <= 0 ? "day" : "module";
      held = true;
      continue;
    }
    if (!take(card)) continue;
    budgets.dayReviews -= 1;
    if (card.moduleId !== undefined && moduleLeft !== undefined) budgets.moduleReviews.set(card.moduleId, moduleLeft - 1);
    const group = groupOf(card.moduleId);
    pushTo(reviewsByGroup, group, { cardId: card.cardId, siblingKey: card.siblingKey, kind: "review", due: card.due });
  }

  const newsByGroup = new Map<string, QueueItem[]>();
  for (const card of input.newCandidates) {
    const module = card.moduleId === undefined ? undefined : modules.get(card.moduleId);
    const moduleLeft = card.moduleId === undefined ? undefined : budgets.moduleReviews.get(card.moduleId);
    const dayStop = budgets.dayNews <= 0 ? "day" : !input.settings.newIgnoresReviewLimit && budgets.dayReviews <= 0 ? "review-limit" : null;
    const moduleStop = module && !module.newIgnoresReviewLimit && moduleLeft === 0 ? "review-limit" : null;
    const stop = dayStop ?? moduleStop;
    if (stop !== null) {
      limits.newLimit ??= stop;
      held = true;
      if (dayStop !== null) break;
      continue;
    }
    if (!take(card)) continue;
    budgets.dayNews -= 1;
    if (!input.settings.newIgnoresReviewLimit) budgets.dayReviews -= 1;
    if (card.moduleId !== undefined && moduleLeft !== undefined && module && !module.newIgnoresReviewLimit) {
      budgets.moduleReviews.set(card.moduleId, moduleLeft - 1);
    }
    const group = groupOf(card.moduleId);
    pushTo(newsByGroup, group, { cardId: card.cardId, siblingKey: card.siblingKey, kind: "new", due: null });
  }

  const groupNames = [...new Set([DEFAULT_GROUP, ...reviewsByGroup.keys(), ...newsByGroup.keys()])];
  const main = mergeEvenly(groupNames.map((g) => mixNewCards(reviewsByGroup.get(g) ?? [], newsByGroup.get(g) ?? [], orderOf(g).newCardMix)));
  return { learningNow, learningLater, main, held, limits };
}

function learnAheadMs(settings: QueueSettings): number {
  return (settings.learnAheadMinutes ?? DEFAULT_LEARN_AHEAD_MINUTES) * 60_000;
}

/**
 * The cards to study at `now`, in order, with counts. PURE: reads no clock.
 *
 * 1. (Re)learning cards due by `now`, earliest due first: they are mid-step.
 *    Daily limits never hold them back.
 * 2. Review cards due before `studyDayEnd` in their preset's order (most
 *    overdue, most at risk, or shuffled for the day), up to the day's review
 *    limit and each module's own, with new cards, in module order and up to
 *    `newCardsPerDay` less those already introduced today, placed as the
 *    preset says (spread among the reviews, before or after them). Unless new
 *    cards ignore the review limit, they count towards it and stop with it.
 *    Modules under different presets each keep their order and are spread
 *    evenly through the day (see `mergeEvenly`).
 * 3. With nothing else to study, (re)learning cards due within the
 *    learn-ahead window (Anki's learn-ahead) rather than an empty screen.
 *
 * `held` says how many due reviews a limit keeps back and which limit holds
 * for reviews and for new cards, so the screen can say why the day ends.
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
  const { learningNow, learningLater, main, limits } = plan(input, now);
  let items = [...learningNow, ...main];
  if (items.length === 0) {
    const horizon = now.getTime() + learnAheadMs(input.settings);
    items = learningLater.filter((item) => item.due !== null && item.due.getTime() <= horizon);
  }
  const counts = { learning: 0, review: 0, new: 0 };
  for (const item of items) counts[item.kind] += 1;
  return { items, counts, held: limits };
}

/**
 * For the empty state ("next card at …"): the earliest instant ≥ `now` at
 * which `buildQueue(input, t)` would hold a card, assuming nothing is reviewed
 * meanwhile. `now` if the queue is not empty; a learning card's due less the
 * learn-ahead window; `studyDayEnd` when cards are only held back for today
 * (buried siblings, a daily limit); `null` when nothing in `input` will
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
