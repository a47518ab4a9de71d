// The plain card after the one on screen is drawn ahead, laid out but unseen,
// so that a rating only swaps which card shows. Drawing a card's HTML, loading
// its fonts (KaTeX's, the first time a card has math) and removing the last
// card's nodes took a slow phone 20-100 ms in the frame after a rating; done
// ahead, they happen after that frame, in a transition.
import { startTransition, useEffect, useState } from "react";
import type { QueueCard } from "@/lib/queue/queue-card";
import { afterNextFrame } from "@/lib/client/after-next-frame";

/** How many cards behind the one on screen are drawn ahead. */
const AHEAD = 1;

/**
 * The cards to keep drawn: the queue's head as it was one frame ago and the card after it, plain cards only
 * (exercise and drawing faces load their own code when shown). Empty until `hydrated`, so the server's HTML
 * and the hydration carry the card on screen alone.
 */
export function useStandbyCards(queue: QueueCard[], hydrated: boolean): QueueCard[] {
  const [drawn, setDrawn] = useState<QueueCard[]>([]);
  useEffect(() => {
    if (!hydrated) return;
    const ahead = queue.slice(0, AHEAD + 1).filter((card) => !card.exercise && !card.drawing);
    return afterNextFrame(() => startTransition(() => setDrawn(ahead)));
  }, [queue, hydrated]);
  return drawn;
}

/** Where a drawn face is: on screen, laid out ahead of its turn, or rated and waiting to be removed. */
export type FacePlace = "shown" | "ahead" | "leaving";

/**
 * The card faces to render, in a stable order (kept cards first, the one on screen last if it is new), with the
 * place of each: kept cards after the one on screen are ahead, those before it were just rated.
 */
export function drawnFaces(standby: QueueCard[], current: QueueCard): { card: QueueCard; place: FacePlace }[] {
  const at = standby.findIndex((card) => card.cardId === current.cardId);
  const faces = standby.map((card, i): { card: QueueCard; place: FacePlace } => ({
    card,
    place: i === at ? "shown" : at !== -1 && i < at ? "leaving" : "ahead",
  }));
  // The card on screen keeps its place among the drawn ones, so a rating moves no node.
  if (at === -1) faces.push({ card: current, place: "shown" });
  return faces;
}
