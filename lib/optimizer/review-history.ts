// Review-log rows → per-card review histories in study days, the shape the
// FSRS optimizer learns from. Pure: the study clock is an argument.
import { workBudget } from "../event-loop/yield";
import { isRating, studyDayEnd, studyDayKey, type FsrsStateName, type Rating, type StudyClock } from "../scheduling";

/** The review_log columns the optimizer reads (state is the card's state BEFORE the review). */
export type OptimizerReviewRow = { cardId: string; rating: number; state: FsrsStateName; reviewedAt: Date };

/**
 * One review in a card's history: its rating, the study days since the card's
 * previous review (0 for the first) and when it happened (ms since the epoch,
 * so training items can be put in time order).
 */
export type HistoryReview = { rating: Rating; deltaDays: number; reviewedAt: number };

export type CardHistory = { cardId: string; reviews: HistoryReview[] };

/** The usable histories, and how many cards were left out (first review not a new-card review, or a bad rating). */
export type CardHistories = { cards: CardHistory[]; skippedCards: number };

/** "YYYY-MM-DD" → whole days since 1970-01-01, so two keys subtract to a day count. */
function dayNumber(key: string): number {
  const [year, month, day] = key.split("-").map(Number);
  return Date.UTC(year ?? 1970, (month ?? 1) - 1, day ?? 1) / 86_400_000;
}

/**
 * Groups `rows` by card into review histories. Within a card reviews are put
 * in `reviewedAt` order; `deltaDays` counts study-day boundaries (the user's
 * time zone and day-start hour, as the queue counts days) between a review and
 * the card's previous one, so two reviews either side of the day start are one
 * day apart even if minutes separate them. FSRS needs each history to start
 * with the card's first sight: a card whose earliest logged review was not of
 * a NEW card is skipped, as is a card with a rating outside 1–4. A later
 * NEW-state review (the card was reset) starts its history afresh.
 *
 * Async only to yield to the event loop every few thousand rows (25k rows take
 * ≈80 ms in all); the result depends on the arguments alone.
 */
export async function toCardHistories(rows: readonly OptimizerReviewRow[], clock: StudyClock): Promise<CardHistories> {
  const ordered = isInTimeOrder(rows) ? rows : [...rows].sort((a, b) => a.reviewedAt.getTime() - b.reviewedAt.getTime());
  const dayOf = studyDayCounter(clock);
  const spend = workBudget(2_000);
  const byCard = new Map<string, { row: OptimizerReviewRow; day: number }[]>();
  for (const row of ordered) {
    const entry = { row, day: dayOf(row.reviewedAt) };
    const list = byCard.get(row.cardId);
    if (list) list.push(entry);
    else byCard.set(row.cardId, [entry]);
    await spend(1);
  }
  const cards: CardHistory[] = [];
  let skippedCards = 0;
  for (const [cardId, list] of byCard) {
    const reviews = cardHistory(list);
    if (reviews) cards.push({ cardId, reviews });
    else skippedCards += 1;
    await spend(list.length);
  }
  return { cards, skippedCards };
}

function isInTimeOrder(rows: readonly OptimizerReviewRow[]): boolean {
  for (let i = 1; i < rows.length; i += 1) {
    if ((rows[i]?.reviewedAt.getTime() ?? 0) < (rows[i - 1]?.reviewedAt.getTime() ?? 0)) return false;
  }
  return true;
}

/**
 * A function from an instant to its study-day number, for instants given in
 * time order. Time-zone maths costs ≈0.2 ms, so it runs once per study day
 * seen, not once per review.
 */
function studyDayCounter(clock: StudyClock): (at: Date) => number {
  let day = 0;
  let end = -Infinity;
  return (at) => {
    if (at.getTime() >= end) {
      day = dayNumber(studyDayKey(at, clock.timeZone, clock.dayStartHour));
      end = studyDayEnd(at, clock.timeZone, clock.dayStartHour).getTime();
    }
    return day;
  };
}

function cardHistory(list: readonly { row: OptimizerReviewRow; day: number }[]): HistoryReview[] | null {
  if (list[0]?.row.state !== "NEW") return null;
  let reviews: HistoryReview[] = [];
  let previousDay = 0;
  for (const { row, day } of list) {
    if (!isRating(row.rating)) return null;
    if (row.state === "NEW") reviews = [];
    reviews.push({ rating: row.rating, deltaDays: reviews.length === 0 ? 0 : day - previousDay, reviewedAt: row.reviewedAt.getTime() });
    previousDay = day;
  }
  return reviews;
}
