"use client";
import type { RatingPreview } from "@/lib/queue/queue-card";

/** The name of each rating, as its button and a graded card's "rated …" line say it. */
export const RATING_NAMES = { 1: "Again", 2: "Hard", 3: "Good", 4: "Easy" } as const;

/** The rating buttons, each with the interval it would schedule. Keys 1–4 (1–2 for pass/fail) on a desktop, shown where there is a keyboard. */
export function RatingBar({ previews, onRate }: { previews: RatingPreview[]; onRate: (rating: 1 | 2 | 3 | 4) => void }) {
  return (
    <div className={`rating-bar n${previews.length}`}>
      {previews.map((p, index) => (
        <button type="button" key={p.rating} className={`rate r${p.rating}`} onClick={() => onRate(p.rating)} data-testid={`rate-${p.rating}`}>
          <span className="rate-interval">{p.label}</span>
          <span className="rate-name">
            {previews.length === 2 ? (p.rating === 1 ? "Forgot" : "Remembered") : RATING_NAMES[p.rating]}
            <kbd className="key-hint"> {index + 1}</kbd>
          </span>
        </button>
      ))}
    </div>
  );
}
