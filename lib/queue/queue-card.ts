// What the client needs to show one card without asking the server again:
// rendered faces and the next interval of each rating.
import type { Card } from "../data/card";
import type { CardState } from "../data/card-state";
import { renderMarkdown } from "../render/markdown";
import { previewRatings, type SchedulerSettings } from "../scheduling";
import { toSchedulingState } from "../reviews/state-snapshot";

export type RatingPreview = { rating: 1 | 2 | 3 | 4; label: string; due: string };

export type QueueCard = {
  cardId: string;
  kind: Card["kind"];
  role: Card["role"];
  topic: string;
  difficulty: Card["difficulty"];
  frontHtml: string;
  backHtml: string;
  wrongAnswerHtml: string | null;
  isNew: boolean;
  due: string | null;
  previews: RatingPreview[];
};

/** Builds the client view of a card at `now`; `state` null means new to this user. */
export function toQueueCard(card: Card, state: CardState | null, now: Date, settings: SchedulerSettings): QueueCard {
  return {
    cardId: card.id,
    kind: card.kind,
    role: card.role,
    topic: card.topic,
    difficulty: card.difficulty,
    frontHtml: renderMarkdown(card.front),
    backHtml: renderMarkdown(card.back),
    wrongAnswerHtml: card.commonWrongAnswer ? renderMarkdown(card.commonWrongAnswer) : null,
    isNew: state === null,
    due: state?.due.toISOString() ?? null,
    previews: previewRatings(toSchedulingState(state), now, settings).map((p) => ({
      rating: p.rating,
      label: p.intervalLabel,
      due: p.due.toISOString(),
    })),
  };
}
