"use client";
// New · learning · to review, as Anki shows them: three coloured numbers, the
// current card's count underlined, one sentence for screen readers.
import type { QueueKind } from "@/lib/queue/queue-card";
import type { SessionCounts } from "@/lib/queue/session-counts";

const KINDS: readonly { kind: QueueKind; words: string }[] = [
  { kind: "new", words: "new" },
  { kind: "learning", words: "learning" },
  { kind: "review", words: "to review" },
];

/** The session's counts; `current` is the kind of the card on screen (none once the session is done). */
export function ReviewCounter({ counts, current }: { counts: SessionCounts; current: QueueKind | null }) {
  const label = KINDS.map(({ kind, words }) => `${counts[kind]} ${words}`).join(", ");
  return (
    <p className="review-counter" data-testid="review-counter">
      <span className="visually-hidden">{label}</span>
      {KINDS.map(({ kind }) => (
        <span key={kind} className={`count-${kind}${kind === current ? " current" : ""}`} data-testid={`count-${kind}`} aria-hidden="true">
          {counts[kind]}
        </span>
      ))}
    </p>
  );
}
