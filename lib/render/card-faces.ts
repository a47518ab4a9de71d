// Rendered card faces, memoised per card version. Rendering markdown with
// KaTeX costs ~0.1 ms a face; a queue of 100 cards would pay it on every
// load. Keyed by card id and content hash, so an edited card renders afresh.
import { renderMarkdown } from "./markdown";

export type CardFaces = { frontHtml: string; backHtml: string; wrongAnswerHtml: string | null };
export type CardText = { id: string; contentHash: string; front: string; back: string; commonWrongAnswer: string | null };

/** Most card versions kept per process (a few KB each). */
const CAPACITY = 5000;
const cache = new Map<string, CardFaces>();

/** The card's faces as safe HTML; pure apart from the bounded in-process cache. */
export function renderCardFaces(card: CardText): CardFaces {
  const key = `${card.id}:${card.contentHash}`;
  const hit = cache.get(key);
  if (hit) {
    // Re-insert so the Map's insertion order doubles as recency order.
    cache.delete(key);
    cache.set(key, hit);
    return hit;
  }
  const faces = {
    frontHtml: renderMarkdown(card.front),
    backHtml: renderMarkdown(card.back),
    wrongAnswerHtml: card.commonWrongAnswer ? renderMarkdown(card.commonWrongAnswer) : null,
  };
  cache.set(key, faces);
  if (cache.size > CAPACITY) {
    const oldest = cache.keys().next().value;
    if (oldest !== undefined) cache.delete(oldest);
  }
  return faces;
}
