"use client";
import { formatRelative } from "@/lib/client/format-relative";

/** Nothing to review: say when the next card is due. */
export function EmptyState({ nextDueAt }: { nextDueAt: string | null }) {
  return (
    <section className="panel stack" data-testid="empty">
      <h2 style={{ margin: 0 }}>Nothing due right now</h2>
      {/* Local time and "in N hours" differ between the server render and the phone; the phone's wins. */}
      <p className="muted" style={{ margin: 0 }} suppressHydrationWarning>
        {nextDueAt
          ? `The next card is due ${formatRelative(new Date(nextDueAt), new Date())} (${new Date(nextDueAt).toLocaleString()}).`
          : "No cards are scheduled. Enroll in a module to get new cards."}
      </p>
      <a href="/" className="button">
        Back to overview
      </a>
    </section>
  );
}
