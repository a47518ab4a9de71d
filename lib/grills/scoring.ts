// Scoring a grill: an interview item scores the share of its key points the
// learner ticked, a numeric item the grader's score; running out of the clock
// scores 0. The summary ranks topics by mean score, weakest first. Pure.

/** An item scoring below this is failed and goes back into the daily queue. */
export const PASS_SCORE = 0.6;

export type Verdict = "passed" | "failed" | "out-of-time" | "unanswered";

/** True when the answer took the whole clock (`timeMs` is capped at the limit, so equal means ran out). */
export function isOutOfTime(timeMs: number | null, secondsPerItem: number): boolean {
  return timeMs !== null && timeMs >= secondsPerItem * 1000;
}

/**
 * The answer time to store, in ms: what the client measured, never more than
 * the server saw pass since `since` (the grill's start or the latest answer),
 * and capped at the clock's limit (reaching it means out of time).
 */
export function boundedTimeMs(reportedMs: number, since: Date, now: Date, secondsPerItem: number): number {
  const observed = Math.max(0, now.getTime() - since.getTime());
  return Math.max(0, Math.min(Math.round(reportedMs), observed, secondsPerItem * 1000));
}

/** Ms left on the clock at `now` (server time) for a question first shown at `shownAt`: 0 once it has run out. */
export function clockLeftMs(shownAt: Date, now: Date, secondsPerItem: number): number {
  const limitMs = secondsPerItem * 1000;
  return Math.max(0, limitMs - Math.max(0, now.getTime() - shownAt.getTime()));
}

/**
 * The answer time to store, in ms. Once the server has shown the question it
 * is the server's own measure, `now − shownAt` capped at the limit: whatever
 * the client reports (a reload restarts the browser's clock), time since the
 * first showing counts. A question never marked shown falls back to the
 * client's measure bounded as in `boundedTimeMs`.
 */
export function answerTimeMs(input: { reportedMs: number; since: Date; shownAt: Date | null; now: Date; secondsPerItem: number }): number {
  const { reportedMs, since, shownAt, now, secondsPerItem } = input;
  if (shownAt === null) return boundedTimeMs(reportedMs, since, now, secondsPerItem);
  return Math.max(0, Math.min(now.getTime() - shownAt.getTime(), secondsPerItem * 1000));
}

/** Whether the page is done with an item and moves past it: a removed question, or an answered one with its score. */
export function isSettled(item: { kind: string; answered: boolean; score: number | null }): boolean {
  return item.kind === "removed" || (item.answered && item.score !== null);
}

/** Share of key points covered, 0..1: distinct indices in [0, total) over `total` (0 when there are none). */
export function keyPointScore(hit: readonly number[], total: number): number {
  if (total <= 0) return 0;
  const valid = new Set(hit.filter((i) => Number.isInteger(i) && i >= 0 && i < total));
  return valid.size / total;
}

/** The stored score of an answered item: 0 out of time, else `raw` (key-point share or grader score). */
export function itemScore(raw: number, outOfTime: boolean): number {
  return outOfTime ? 0 : Math.min(1, Math.max(0, raw));
}

/** The verdict shown per question. Unanswered items are not failures: nothing was tried. */
export function verdictOf(item: { answered: boolean; outOfTime: boolean; score: number | null }): Verdict {
  if (!item.answered) return "unanswered";
  if (item.outOfTime) return "out-of-time";
  return (item.score ?? 0) >= PASS_SCORE ? "passed" : "failed";
}

/** Whether a verdict sends the item's card back into the daily queue. */
export function needsRequeue(verdict: Verdict): boolean {
  return verdict === "failed" || verdict === "out-of-time";
}

export type ScoredItem = { topic: string; answered: boolean; score: number | null; timeMs: number | null };

export type TopicScore = { topic: string; mean: number; count: number };

export type GrillTotals = {
  /** Mean over every item, unanswered ones counting 0; 0..1. */
  score: number;
  answered: number;
  total: number;
  /** Mean answer time of answered items, ms; null when none was answered. */
  meanTimeMs: number | null;
  /** Topics of answered items by mean score, lowest first; ties: more items first, then by name. */
  topics: TopicScore[];
};

/** The grill's totals from its items. */
export function summarise(items: readonly ScoredItem[]): GrillTotals {
  const answered = items.filter((i) => i.answered);
  const score = items.length === 0 ? 0 : items.reduce((sum, i) => sum + (i.answered ? (i.score ?? 0) : 0), 0) / items.length;
  const times = answered.flatMap((i) => (i.timeMs === null ? [] : [i.timeMs]));
  const byTopic = new Map<string, { sum: number; count: number }>();
  for (const item of answered) {
    const entry = byTopic.get(item.topic) ?? { sum: 0, count: 0 };
    byTopic.set(item.topic, { sum: entry.sum + (item.score ?? 0), count: entry.count + 1 });
  }
  const topics = [...byTopic.entries()]
    .map(([topic, { sum, count }]) => ({ topic, mean: sum / count, count }))
    .sort((a, b) => a.mean - b.mean || b.count - a.count || (a.topic < b.topic ? -1 : a.topic > b.topic ? 1 : 0));
  return {
    score,
    answered: answered.length,
    total: items.length,
    meanTimeMs: times.length === 0 ? null : times.reduce((a, b) => a + b, 0) / times.length,
    topics,
  };
}

/** Topics worth another look: below full marks, weakest first, at most `limit`. */
export function weakestTopics(topics: readonly TopicScore[], limit = 3): TopicScore[] {
  return topics.filter((t) => t.mean < 1).slice(0, limit);
}
