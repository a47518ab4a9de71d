// How a day's review cards are ordered and where its new cards go: the
// display order of a preset. Pure: the study day's key seeds the shuffle, so
// the order holds all day and every device sees the same one.

/** DUE: most overdue first. RETRIEVABILITY: lowest recall probability now first (most at risk). RANDOM: shuffled once per study day. */
export const REVIEW_ORDERS = ["DUE", "RETRIEVABILITY", "RANDOM"] as const;
export type ReviewOrder = (typeof REVIEW_ORDERS)[number];

/** New cards spread evenly among the reviews, shown before them, or after them. */
export const NEW_CARD_MIXES = ["MIXED", "BEFORE", "AFTER"] as const;
export type NewCardMix = (typeof NEW_CARD_MIXES)[number];

/** What a review card needs for every order. `lastReview` and `stability` are absent for a row that never had them. */
export type OrderableCard = { cardId: string; due: Date; stability?: number; lastReview?: Date | null };

const byDueThenId = (a: OrderableCard, b: OrderableCard): number =>
  a.due.getTime() - b.due.getTime() || (a.cardId < b.cardId ? -1 : a.cardId > b.cardId ? 1 : 0);

/** 32-bit FNV-1a: a fixed, fast shuffle key with no dependency. */
function fnv1a(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash;
}

/**
 * How far along its forgetting curve a card is at `now`: days since its last
 * review over its stability. FSRS's retrievability falls as this grows, for
 * any weights, so sorting it descending is sorting retrievability ascending
 * without computing a power per card. A card with no last review sorts first.
 */
function curveProgress(card: OrderableCard, now: Date): number {
  if (!card.lastReview || !card.stability || card.stability <= 0) return Number.POSITIVE_INFINITY;
  return (now.getTime() - card.lastReview.getTime()) / 86_400_000 / card.stability;
}

/** `cards` in `order` at `now` (a new array); ties by due, then card id. `dayKey` seeds RANDOM. */
export function orderReviews<T extends OrderableCard>(cards: readonly T[], order: ReviewOrder, now: Date, dayKey: string): T[] {
  if (order === "DUE") return [...cards].sort(byDueThenId);
  if (order === "RANDOM") {
    const keyed = cards.map((card) => ({ card, key: fnv1a(`${dayKey}:${card.cardId}`) }));
    return keyed.sort((a, b) => a.key - b.key || byDueThenId(a.card, b.card)).map((k) => k.card);
  }
  const keyed = cards.map((card) => ({ card, key: curveProgress(card, now) }));
  return keyed.sort((a, b) => (b.key === a.key ? byDueThenId(a.card, b.card) : b.key - a.key)).map((k) => k.card);
}

/**
 * Spreads `news` evenly through `reviews`: new card i (0-based) follows
 * ⌈(i+1)·R/(N+1)⌉ reviews. New cards last would go unseen by anyone who stops
 * after the reviews; new cards first would push overdue reviews back. Even
 * spacing keeps reviews on time and mixes easy recalls with fresh material.
 */
function interleave<T>(reviews: readonly T[], news: readonly T[]): T[] {
  const out: T[] = [];
  let r = 0;
  let n = 0;
  while (r < reviews.length || n < news.length) {
    const newIsDue = r * (news.length + 1) >= (n + 1) * reviews.length;
    const next = n < news.length && (newIsDue || r >= reviews.length) ? news[n++] : reviews[r++];
    if (next !== undefined) out.push(next);
  }
  return out;
}

/** The day's reviews and new cards in one sequence, as `mix` says. */
export function mixNewCards<T>(reviews: readonly T[], news: readonly T[], mix: NewCardMix): T[] {
  if (mix === "BEFORE") return [...news, ...reviews];
  if (mix === "AFTER") return [...reviews, ...news];
  return interleave(reviews, news);
}

/**
 * Several ordered sequences as one, each keeping its own order and all of them
 * spread evenly: item i of a sequence of n sits at (i + ½)/n of the way
 * through, ties going to the earlier sequence. One sequence comes back as it
 * is. Modules under different presets each keep their preset's display order.
 */
export function mergeEvenly<T>(sequences: readonly (readonly T[])[]): T[] {
  const nonEmpty = sequences.filter((s) => s.length > 0);
  if (nonEmpty.length <= 1) return [...(nonEmpty[0] ?? [])];
  const placed = nonEmpty.flatMap((sequence, which) => sequence.map((item, i) => ({ item, which, at: (i + 0.5) / sequence.length })));
  return placed.sort((a, b) => a.at - b.at || a.which - b.which).map((p) => p.item);
}
