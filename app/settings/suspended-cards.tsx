"use client";
import { useState } from "react";

type Suspended = { cardId: string; front: string; topic: string; lapses: number; isLeech: boolean };

/** Leeches and other suspended cards, each with a way back into rotation. */
export function SuspendedCards({ initial }: { initial: Suspended[] }) {
  const [cards, setCards] = useState(initial);
  const [error, setError] = useState<string | null>(null);
  if (cards.length === 0) return null;

  async function unsuspend(cardId: string) {
    const response = await fetch(`/api/cards/${cardId}/unsuspend`, { method: "POST" });
    if (response.ok) setCards((c) => c.filter((x) => x.cardId !== cardId));
    else setError("Could not unsuspend that card");
  }

  return (
    <section className="panel stack" data-testid="suspended-cards">
      <h2 style={{ margin: 0, fontSize: 20 }}>Suspended cards</h2>
      <p className="muted small" style={{ margin: 0 }}>
        A card forgotten 8 times is a leech: more reviews rarely fix it. Rewrite it or split it, then bring it back.
      </p>
      {error && <p className="error">{error}</p>}
      <ul className="stack" style={{ listStyle: "none", padding: 0, margin: 0 }}>
        {cards.map((c) => (
          <li key={c.cardId} className="row" style={{ justifyContent: "space-between" }}>
            <span className="small">
              {c.front.length > 90 ? `${c.front.slice(0, 90)}…` : c.front}
              <br />
              <span className="muted">
                {c.topic} · {c.lapses} lapses{c.isLeech ? " · leech" : ""}
              </span>
            </span>
            <button type="button" className="button" onClick={() => unsuspend(c.cardId)}>
              Unsuspend
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}
