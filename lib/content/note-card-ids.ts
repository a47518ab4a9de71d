// The external ids of a note's cards, which follow from the note's key alone.
// A note from a file or the editor: `key` for its card (the forward one of a
// reversed pair), `key:rev` for the reverse, `key:cN` for cloze number N. A
// note from Anki (key `anki-<16 hex>`) numbers its cards as Anki does,
// `key:<ordinal>` (the template, or the cloze number − 1), so the package read
// again, or our own export of it, finds the same cards. Pure.

const ANKI_NOTE_KEY = /^anki-[0-9a-f]{16}$/;

/** Whether `key` is the key of a note that came from Anki (see lib/anki/convert.ts noteKey). */
export function isAnkiNoteKey(key: string): boolean {
  return ANKI_NOTE_KEY.test(key);
}

export interface NoteCardIds {
  /** The note's first card: a basic card, an interview question, the forward card of a reversed pair. */
  main: string;
  /** The reverse card of a reversed pair. */
  reverse: string;
  /** The card of cloze number `n` (≥ 1). */
  cloze(n: number): string;
  /** The cloze number of one of this note's cloze card ids; null for any other id. */
  clozeNumber(externalId: string): number | null;
}

/** The ids of the cards of the note keyed `key`. */
export function noteCardIds(key: string): NoteCardIds {
  const anki = isAnkiNoteKey(key);
  const suffix = anki ? /^(\d+)$/ : /^c(\d+)$/;
  return {
    main: anki ? `${key}:0` : key,
    reverse: anki ? `${key}:1` : `${key}:rev`,
    cloze: (n) => (anki ? `${key}:${n - 1}` : `${key}:c${n}`),
    clozeNumber: (externalId) => {
      if (!externalId.startsWith(`${key}:`)) return null;
      const digits = suffix.exec(externalId.slice(key.length + 1))?.[1];
      const n = digits === undefined ? Number.NaN : Number(digits) + (anki ? 1 : 0);
      return Number.isSafeInteger(n) && n >= 1 ? n : null;
    },
  };
}
