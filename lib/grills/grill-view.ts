// What the client sees of a grill. The strong answer, the wrong answer to
// avoid and the key points stay on the server until the item is answered (or
// the grill is over), so the reveal cannot be read ahead.
import type { Catalogue } from "../catalogue/catalogue";
import type { GrillItemRow, GrillRow, NumericResult } from "../data/grill";
import { toVariantView, type VariantView } from "../grading/exercise-view";
import { renderCardFaces } from "../render/card-faces";
import { renderMarkdown } from "../render/markdown";
import { clockLeftMs, isOutOfTime, summarise, verdictOf, weakestTopics, type TopicScore, type Verdict } from "./scoring";

/** A card with no key points is self-graded on this one. */
export const FALLBACK_KEY_POINT = "My answer made the point of the strong answer";

export type { NumericResult };

export type GrillItemView = {
  position: number;
  kind: "interview" | "numeric" | "removed";
  topic: string;
  difficulty: "EASY" | "MEDIUM" | "HARD" | null;
  promptHtml: string;
  exercise: VariantView | null;
  answered: boolean;
  answer: string | null;
  timeMs: number | null;
  /** Ms left on the clock when this view was made (server clock): null until the server has shown the question, and once it is answered. */
  leftMs: number | null;
  outOfTime: boolean;
  reveal: { strongAnswerHtml: string; wrongAnswerHtml: string | null; keyPointsHtml: string[] } | null;
  grade: NumericResult | null;
  keyPointsHit: number[];
  /** Null while the item is still open (unanswered, or waiting for its key points). */
  score: number | null;
  verdict: Verdict | null;
  requeued: boolean;
};

export type GrillSummary = {
  score: number;
  answered: number;
  total: number;
  meanTimeMs: number | null;
  weakestTopics: TopicScore[];
  topics: TopicScore[];
  requeued: number;
};

export type GrillView = {
  id: string;
  moduleId: string;
  moduleTitle: string;
  difficulty: "EASY" | "MEDIUM" | "HARD" | null;
  secondsPerItem: number;
  startedAt: string;
  finishedAt: string | null;
  items: GrillItemView[];
  summary: GrillSummary | null;
};

/** The key points an interview item is graded on (at least one). */
export function keyPointsOf(card: { keyPoints: string[] }): string[] {
  return card.keyPoints.length > 0 ? card.keyPoints : [FALLBACK_KEY_POINT];
}

/** The client view of a grill at `now`, numeric items drawn from `catalogue`; the summary is filled in once it is finished. */
export function toGrillView(grill: GrillRow, catalogue: Catalogue, now: Date): GrillView {
  const finished = grill.finishedAt !== null;
  const items = grill.items.map((item) => toItemView(item, catalogue, grill.secondsPerItem, finished, now));
  return {
    id: grill.id,
    moduleId: grill.moduleId,
    moduleTitle: grill.module.title,
    difficulty: grill.difficulty,
    secondsPerItem: grill.secondsPerItem,
    startedAt: grill.startedAt.toISOString(),
    finishedAt: grill.finishedAt?.toISOString() ?? null,
    items,
    summary: finished ? toSummary(items) : null,
  };
}

/** One item as the client sees it at `now`: the reveal and the grade only once answered (or the grill is over). */
export function toItemView(item: GrillItemRow, catalogue: Catalogue, secondsPerItem: number, finished: boolean, now: Date): GrillItemView {
  const answered = item.answeredAt !== null;
  const outOfTime = isOutOfTime(item.timeMs, secondsPerItem);
  const scored = answered && item.score !== null;
  const base = {
    position: item.position,
    topic: item.topic,
    answered,
    answer: item.answer,
    timeMs: item.timeMs,
    leftMs: !answered && !finished && item.shownAt ? clockLeftMs(item.shownAt, now, secondsPerItem) : null,
    outOfTime,
    keyPointsHit: item.keyPointsHit,
    score: scored ? item.score : null,
    verdict: scored || (finished && !answered) ? verdictOf({ answered, outOfTime, score: item.score }) : null,
    requeued: item.requeuedAt !== null,
  };
  const exercise = item.exerciseSlug !== null && item.seed !== null ? catalogue.findExercise(item.exerciseSlug) : undefined;
  if (exercise && item.seed !== null) {
    const variant = toVariantView(exercise, item.seed);
    const grade = answered ? item.result : null;
    return { ...base, kind: "numeric", difficulty: exercise.difficulty, promptHtml: variant.promptHtml, exercise: variant, reveal: null, grade };
  }
  if (item.card) {
    const faces = renderCardFaces(item.card);
    const open = answered || finished;
    const reveal = open
      ? { strongAnswerHtml: faces.backHtml, wrongAnswerHtml: faces.wrongAnswerHtml, keyPointsHtml: keyPointsOf(item.card).map((p) => renderMarkdown(p)) }
      : null;
    return { ...base, kind: "interview", difficulty: item.card.difficulty, promptHtml: faces.frontHtml, exercise: null, reveal, grade: null };
  }
  const removed = "<p>This question is no longer in the course.</p>";
  return { ...base, kind: "removed", difficulty: null, promptHtml: removed, exercise: null, reveal: null, grade: null };
}

function toSummary(items: GrillItemView[]): GrillSummary {
  const totals = summarise(items.map((i) => ({ topic: i.topic, answered: i.answered, score: i.score, timeMs: i.timeMs })));
  return {
    ...totals,
    weakestTopics: weakestTopics(totals.topics),
    requeued: items.filter((i) => i.requeued).length,
  };
}
