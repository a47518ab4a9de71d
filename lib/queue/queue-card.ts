// What the client needs to show one card without asking the server again:
// rendered faces and the next interval of each rating.
import type { Catalogue } from "../catalogue/catalogue";
import type { Card } from "../data/card";
import { toDrawingView, type DrawingView } from "../drawing/drawing-view";
import { toVariantView, type VariantView } from "../grading/exercise-view";
import { renderCardFaces } from "../render/card-faces";
import type { RatingPreviewer, SchedulingState } from "../scheduling";

export type RatingPreview = { rating: 1 | 2 | 3 | 4; label: string; due: string };

/** Which of the review screen's three counts a card is in: never seen, in a (re)learning step, or a scheduled review. */
export type QueueKind = "new" | "learning" | "review";

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
  queueKind: QueueKind;
  due: string | null;
  previews: RatingPreview[];
  /** For exercise cards: a fresh variant to solve; the grade decides the rating. */
  exercise: VariantView | null;
  /** For drawing cards (an exercise card naming a drawing prompt): a fresh variant to draw; the result decides the rating. */
  drawing: DrawingView | null;
  /** Whether the learner may edit the card (it sits in a module of their own): the review screen shows a pencil. */
  editable: boolean;
};

/** The card columns the client view needs. */
export type QueueCardSource = Pick<
  Card,
  "id" | "kind" | "role" | "topic" | "difficulty" | "front" | "back" | "commonWrongAnswer" | "contentHash" | "exerciseSlug"
>;

/**
 * Builds the client view of a card at `now`; `state` null means new to this
 * user. `preview` gives the four ratings' outcomes under the user's settings
 * (lib/scheduling ratingPreviewer, built once per queue). An exercise card's
 * exercise or drawing prompt comes from `catalogue`; `exerciseSeed` picks the
 * variant it shows this time; `editable` says the card is in one of the
 * learner's own modules.
 */
export function toQueueCard(
  card: QueueCardSource,
  state: SchedulingState | null,
  now: Date,
  preview: RatingPreviewer,
  catalogue: Catalogue,
  exerciseSeed: number,
  editable = false,
): QueueCard {
  const exercise = card.kind === "EXERCISE" && card.exerciseSlug ? catalogue.findExercise(card.exerciseSlug) : undefined;
  const drawing = card.kind === "EXERCISE" && card.exerciseSlug && !exercise ? catalogue.findDrawingPrompt(card.exerciseSlug) : undefined;
  return {
    ...renderCardFaces(card),
    cardId: card.id,
    kind: card.kind,
    role: card.role,
    topic: card.topic,
    difficulty: card.difficulty,
    isNew: state === null,
    queueKind: queueKindOf(state),
    due: state?.due.toISOString() ?? null,
    previews: preview(state, now).map((p) => ({
      rating: p.rating,
      label: p.intervalLabel,
      due: p.due.toISOString(),
    })),
    exercise: exercise ? toVariantView(exercise, exerciseSeed) : null,
    drawing: drawing ? toDrawingView(drawing, exerciseSeed) : null,
    editable: editable && card.kind !== "EXERCISE",
  };
}

/** A card with no state row, or one still NEW (suspended or buried before its first review), counts as new. */
export function queueKindOf(state: Pick<SchedulingState, "state"> | null): QueueKind {
  if (!state || state.state === "NEW") return "new";
  return state.state === "REVIEW" ? "review" : "learning";
}
