"use client";
// A small link from the card under review to its info page (history, schedule,
// actions). Reviews already rated are safe in the outbox when the page changes.
import Link from "next/link";

export function CardInfoLink({ cardId }: { cardId: string }) {
  return (
    <Link href={`/cards/${cardId}`} className="card-info-link" aria-label="Card info" onClick={(e) => e.stopPropagation()} data-testid="card-info-link">
      info
    </Link>
  );
}
