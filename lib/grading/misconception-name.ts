// What a learner sees for a misconception in a list: words, never its code.
// Authored messages open by naming the mistake ("You divided by n − 1 (sample
// variance)."), so that first sentence is the name; a code no catalogue knows
// any more reads as its words ("transposed-mask" → "Transposed mask").

/** A short human name for misconception `code`: the first sentence of its authored `message` when known. */
export function misconceptionName(code: string, message?: string | null): string {
  const first = message?.trim().split(/(?<=[.!?])\s+/)[0];
  if (first) return first;
  const words = code.replace(/-/g, " ");
  return words.charAt(0).toUpperCase() + words.slice(1);
}
