"use client";
// A drawing card in the daily queue: a fresh variant to draw instead of a
// face to recall. The result sets the rating (lib/drawing/drawing-rating.ts):
// passed → Good, mostly right → Hard, a named mistake or mostly wrong → Again;
// a sketch by the share of the rubric ticked. One submission decides.
import { useState } from "react";
import type { QueueCard } from "@/lib/queue/queue-card";
import { DrawingWorkspace } from "@/app/components/drawing-workspace";
import { RATING_NAMES } from "./rating-bar";
import { RenderedHtml } from "@/app/components/rendered-html";

type Props = { card: QueueCard & { drawing: NonNullable<QueueCard["drawing"]> }; onRated: (rating: 1 | 2 | 3) => void };

export function DrawingCardFace({ card, onRated }: Props) {
  const view = card.drawing;
  const [rating, setRating] = useState<1 | 2 | 3 | null>(null);
  return (
    <article className="card-face revealed drawing-card" data-testid="card" data-card-id={card.cardId} data-drawing={view.slug} data-seed={view.seed}>
      <header className="card-meta">
        <span>{card.topic}</span>
        <span className={`pill ${view.difficulty.toLowerCase()}`}>{view.difficulty.toLowerCase()}</span>
        <span className="pill">drawing</span>
      </header>
      <RenderedHtml className="prompt" html={view.promptHtml} />
      <DrawingWorkspace view={view} onGraded={(result) => setRating(result.rating)} />
      {rating !== null ? (
        <button type="button" className="button primary block" onClick={() => onRated(rating)} data-testid="drawing-next">
          Next · rated {RATING_NAMES[rating]}
        </button>
      ) : null}
    </article>
  );
}
