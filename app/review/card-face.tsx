"use client";
import type { QueueCard } from "@/lib/queue/queue-card";
import { RenderedHtml } from "@/app/components/rendered-html";
import { CardInfoLink } from "./card-info-link";

const DIFFICULTY_LABEL = { EASY: "easy", MEDIUM: "medium", HARD: "hard" } as const;

/** One card: the front, and once revealed the answer (and the wrong answer to avoid). Tap to reveal; the pencil (own cards only) edits. */
export function CardFace({ card, revealed, onReveal, onEdit }: { card: QueueCard; revealed: boolean; onReveal: () => void; onEdit?: () => void }) {
  return (
    // biome-ignore lint/a11y/useKeyWithClickEvents: tapping the card is a shortcut; the keyboard has space and the Show answer button.
    <article className={`card-face ${revealed ? "revealed" : ""}`} onClick={revealed ? undefined : onReveal} data-testid="card" data-card-id={card.cardId}>
      <header className="card-meta">
        <span>{card.topic}</span>
        <span className={`pill ${card.difficulty.toLowerCase()}`}>{DIFFICULTY_LABEL[card.difficulty]}</span>
        {card.isNew && <span className="pill new">new</span>}
        {card.role === "INTERVIEW" && <span className="pill">interview</span>}
        {card.editable && onEdit && (
          <button
            type="button"
            className="card-edit"
            aria-label="Edit this card (e)"
            title="Edit (e)"
            data-testid="edit-card"
            onClick={(event) => {
              event.stopPropagation();
              onEdit();
            }}
          >
            ✎
          </button>
        )}
        <CardInfoLink cardId={card.cardId} />
      </header>
      <RenderedHtml className="card-front" html={card.frontHtml} />
      {revealed ? (
        <div className="card-back" data-testid="answer">
          <RenderedHtml html={card.backHtml} />
          {card.wrongAnswerHtml && (
            <div className="wrong-answer">
              <strong>Common wrong answer</strong>
              <RenderedHtml html={card.wrongAnswerHtml} />
            </div>
          )}
        </div>
      ) : (
        <p className="tap-hint muted small">
          Tap the card<span className="key-hint"> or press space</span> to reveal
        </p>
      )}
    </article>
  );
}
