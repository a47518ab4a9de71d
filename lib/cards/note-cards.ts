// A note from the editor → the cards it gives, and back. Pure. A note's cards
// share a sibling key (the note key); their external ids follow the import's
// scheme (lib/content/note-card-ids.ts: `key`, `key:rev`, `key:cN`, or Anki's
// ordinals for a note from Anki), so an imported note and an editor note are
// matched to their rows the same way.
import { clozeNumbers, recoverClozeNote, renderCloze } from "../content/cloze";
import { contentHash, stableStringify } from "../content/ids";
import { noteCardIds } from "../content/note-card-ids";
import { CardDraftSchema, type CardDraft } from "./card-draft";

type Kind = "BASIC" | "REVERSED" | "CLOZE";

/** One card of a note, as the card table holds it. */
export type NoteCard = {
  externalId: string;
  kind: Kind;
  role: "RECALL" | "INTERVIEW";
  front: string;
  back: string;
  commonWrongAnswer: string | null;
  keyPoints: string[];
  topic: string;
  tags: string[];
  difficulty: "EASY" | "MEDIUM" | "HARD";
  siblingKey: string;
  /** The draft as stable JSON, so the editor reopens the note exactly as written. */
  noteSource: string;
  contentHash: string;
};

/** The sibling key of a note written in the editor. */
export function editorNoteKey(noteId: string): string {
  return `e-${noteId}`;
}

function finish(card: Omit<NoteCard, "contentHash">): NoteCard {
  const { noteSource: _source, ...content } = card;
  return { ...card, contentHash: contentHash(content) };
}

/** The cards `draft` gives under note key `key`, in order (the first is the note's main card). */
export function cardsOfNote(key: string, draft: CardDraft): NoteCard[] {
  const ids = noteCardIds(key);
  const base = {
    role: "RECALL" as const,
    commonWrongAnswer: null,
    keyPoints: [],
    topic: draft.topic,
    tags: draft.tags,
    difficulty: draft.difficulty,
    siblingKey: key,
    noteSource: stableStringify(draft),
  };
  switch (draft.kind) {
    case "basic":
      return [finish({ ...base, externalId: ids.main, kind: "BASIC", front: draft.front, back: draft.back })];
    case "interview":
      return [
        finish({
          ...base,
          externalId: ids.main,
          kind: "BASIC",
          role: "INTERVIEW",
          front: draft.front,
          back: draft.back,
          commonWrongAnswer: draft.commonWrongAnswer || null,
          keyPoints: draft.keyPoints,
        }),
      ];
    case "reversed":
      return [
        finish({ ...base, externalId: ids.main, kind: "REVERSED", front: draft.front, back: draft.back }),
        finish({ ...base, externalId: ids.reverse, kind: "REVERSED", front: draft.back, back: draft.front }),
      ];
    case "cloze":
      return clozeNumbers(draft.text).map((n) => {
        const faces = renderCloze(draft.text, n);
        const back = draft.extra ? `${faces.back}\n\n${draft.extra}` : faces.back;
        return finish({ ...base, externalId: ids.cloze(n), kind: "CLOZE", front: faces.front, back });
      });
  }
}

/** What the editor needs of a stored card to reopen its note: a card row, whose kind and role are the table's wider enums. */
export type StoredNoteCard = Omit<NoteCard, "kind" | "role" | "noteSource" | "contentHash"> & {
  kind: string;
  role: string;
  noteSource: string | null;
  /** Set on a card its note no longer gives: its recorded note may be an older one. */
  archivedAt?: Date | null;
};

/**
 * The text of a cloze note stored without its source (imported before the
 * source was kept), read back from its cards' faces; null unless rendering it
 * again gives every card exactly.
 */
function recoveredClozeText(cards: readonly StoredNoteCard[]): string | null {
  const key = cards[0]?.siblingKey;
  if (key === undefined) return null;
  const ids = noteCardIds(key);
  const numbered = cards.map((c) => ({ n: ids.clozeNumber(c.externalId) ?? 0, front: c.front, back: c.back }));
  return numbered.every((c) => c.n > 0) ? recoverClozeNote(numbered) : null;
}

/**
 * The draft behind a note's cards: the recorded note when there is one (the
 * editor's, or an imported cloze's), else read back from an imported card's
 * columns. Null for what the editor cannot write back faithfully (a cloze
 * whose recorded note the draft schema refuses or whose text its faces do not
 * give back; an exercise card).
 */
export function draftOfNote(rows: readonly StoredNoteCard[]): CardDraft | null {
  const live = rows.filter((c) => !c.archivedAt);
  const cards = live.length ? live : rows;
  const recorded = cards.find((c) => c.noteSource !== null)?.noteSource;
  if (recorded) {
    const parsed = CardDraftSchema.safeParse(JSON.parse(recorded));
    if (parsed.success) return parsed.data;
  }
  const main = cards.find((c) => c.externalId === noteCardIds(c.siblingKey).main) ?? cards[0];
  if (!main) return null;
  const common = { topic: main.topic, tags: main.tags, difficulty: main.difficulty };
  if (main.kind === "BASIC" && main.role === "INTERVIEW") {
    return { kind: "interview", front: main.front, back: main.back, commonWrongAnswer: main.commonWrongAnswer ?? "", keyPoints: main.keyPoints, ...common };
  }
  if (main.kind === "BASIC") return { kind: "basic", front: main.front, back: main.back, ...common };
  if (main.kind === "REVERSED") return { kind: "reversed", front: main.front, back: main.back, ...common };
  const text = main.kind === "CLOZE" && !recorded ? recoveredClozeText(cards) : null;
  if (text === null) return null;
  const recovered = CardDraftSchema.safeParse({ kind: "cloze", text, ...common });
  return recovered.success ? recovered.data : null;
}
