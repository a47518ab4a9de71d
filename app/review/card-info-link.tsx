"use client";
// A small link from the card under review to its info page (history, schedule,
// actions). Reviews already rated are safe in the outbox when the page changes.
// A plain link: the review screen carries no next/link, which would prefetch
// the info page of every card shown.

/** `testId` is left off on a face that is not on screen (card-face.tsx). */
export function CardInfoLink({ cardId, testId }: { cardId: string; testId: string | undefined }) {
  return (
    <a href={`/cards/${cardId}`} className="card-info-link" aria-label="Card info" onClick={(e) => e.stopPropagation()} data-testid={testId}>
      info
    </a>
  );
}
