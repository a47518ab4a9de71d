// The plain cards after the one on screen are drawn ahead, hidden, so that a
// rating only swaps which card shows. Drawing a card's HTML and removing the
// last one's nodes took a slow phone about 20 ms in the frame after a rating;
// done ahead, they happen after that frame, in a transition.
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

/** The card faces to render, in a stable order (kept cards first, the one on screen last if it is new), with which one shows. */
export function drawnFaces(standby: QueueCard[], current: QueueCard): { card: QueueCard; shown: boolean }[] {
  const faces = standby.filter((card) => card.cardId !== current.cardId).map((card) => ({ card, shown: false }));
  const at = standby.findIndex((card) => card.cardId === current.cardId);
  // The card on screen keeps its place among the drawn ones, so a rating moves no node.
  faces.splice(at === -1 ? faces.length : at, 0, { card: current, shown: true });
  return faces;
}
