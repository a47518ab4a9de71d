"use client";
import { useCallback, useLayoutEffect, useRef } from "react";
import type { QueueCard } from "@/lib/queue/queue-card";
import { RenderedHtml } from "@/app/components/rendered-html";
import { CardInfoLink } from "./card-info-link";
import type { FacePlace } from "./use-standby-cards";

const DIFFICULTY_LABEL = { EASY: "easy", MEDIUM: "medium", HARD: "hard" } as const;

/**
 * One card: the front, and once revealed the answer (and the wrong answer to avoid). Tap to reveal; the pencil (own cards only) edits.
 *
 * The tap that reveals lands on a label over the card that ticks a hidden checkbox, and CSS shows the answer while it is
 * ticked. So the first card answers a tap as soon as it is drawn, before the page's JavaScript has loaded on a slow
 * phone; once it has, the tick is handed to `onReveal` and `revealed` drives the card as before.
 *
 * Faces not on screen (use-standby-cards.ts) are inert and carry no test ids, which name the card on screen. One
 * `ahead` is laid out but unseen (review.css), so that its fonts load and its text is shaped before its turn; one
 * `leaving` was just rated and is hidden until it is removed, after the frame.
 */
export function CardFace({
  card,
  revealed,
  onReveal,
  onEdit,
  place = "shown",
}: {
  card: QueueCard;
  revealed: boolean;
  onReveal: () => void;
  onEdit?: () => void;
  place?: FacePlace;
}) {
  const toggle = useRef<HTMLInputElement>(null);
  const toggleId = `reveal-${card.cardId}`;
  const shown = place === "shown";
  const testId = (id: string) => (shown ? id : undefined);

  /**
   * Hands a tick to the React state that owns the reveal: unticks (so a tick the tap guard refused cannot show the
   * answer) and gives focus back (a label's tap focuses its checkbox; the review keys 1–4, e, u must not land on an input).
   */
  const takeTick = useCallback(
    (box: HTMLInputElement) => {
      box.checked = false;
      box.blur();
      if (!revealed) onReveal();
    },
    [revealed, onReveal],
  );

  // A tick made before hydration.
  useLayoutEffect(() => {
    if (toggle.current?.checked) takeTick(toggle.current);
  }, [takeTick]);

  return (
    <article
      className={`card-face${revealed ? " revealed" : ""}${place === "ahead" ? " ahead" : ""}`}
      hidden={place === "leaving"}
      inert={!shown}
      data-testid={testId("card")}
      data-card-id={card.cardId}
    >
      <input
        ref={toggle}
        id={toggleId}
        type="checkbox"
        className="reveal-toggle"
        aria-hidden="true"
        tabIndex={-1}
        onChange={(event) => takeTick(event.target)}
      />
      {!revealed && (
        <label htmlFor={toggleId} className="reveal-cover" aria-hidden="true">
          <span className="visually-hidden">Show answer</span>
        </label>
      )}
      <header className="card-meta">
        <span>{card.topic}</span>
        <span className={`pill ${card.difficulty.toLowerCase()}`}>{DIFFICULTY_LABEL[card.difficulty]}</span>
        {card.isNew && <span className="pill new">new</span>}
        {card.role === "INTERVIEW" && <span className="pill">interview</span>}
        {card.editable && onEdit && (
          <button type="button" className="card-edit" aria-label="Edit this card (e)" title="Edit (e)" data-testid={testId("edit-card")} onClick={onEdit}>
            ✎
          </button>
        )}
        <CardInfoLink cardId={card.cardId} testId={testId("card-info-link")} />
      </header>
      <RenderedHtml className="card-front" html={card.frontHtml} />
      {/* Always in the page, hidden by CSS until revealed, so a tick before hydration can show it. */}
      <div className="card-back" data-testid={testId("answer")}>
        <RenderedHtml html={card.backHtml} />
        {card.wrongAnswerHtml && (
          <div className="wrong-answer">
            <strong>Common wrong answer</strong>
            <RenderedHtml html={card.wrongAnswerHtml} />
          </div>
        )}
      </div>
      {!revealed && (
        <p className="tap-hint muted small">
          Tap the card<span className="key-hint"> or press space</span> to reveal
        </p>
      )}
    </article>
  );
}
