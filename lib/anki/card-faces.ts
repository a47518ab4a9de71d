// One Anki card → the kind and the two markdown faces of one of our cards.
import { clozeNumbers, clozeProblems, renderCloze } from "../content/cloze";
import type { CardKind } from "../content/schemas";
import { fieldToMarkdown, type FieldNotes } from "./html-to-markdown";
import type { NoteTypeShape } from "./note-type-shape";

/** A cloze card's faces carry its note's text and extra (markdown), which the faces alone no longer show. */
export type Faces = { kind: CardKind; front: string; back: string; cloze?: { text: string; extra: string } } | { skip: string };

function joined(parts: string[]): string {
  return parts.filter((p) => p.trim() !== "").join("\n\n");
}

/**
 * The faces of the card with template/cloze number `ordinal` of a note with
 * `fields` (HTML). `bothDirections` says whether the note has both cards of a
 * REVERSED type; a lone direction is an ordinary BASIC card. Field notes
 * (sounds, images) are added to `notes`.
 */
export function cardFaces(shape: NoteTypeShape, fields: readonly string[], ordinal: number, bothDirections: boolean, notes: FieldNotes): Faces {
  const md = (i: number) => fieldToMarkdown(fields[i] ?? "", notes);
  switch (shape.kind) {
    case "BASIC":
      return { kind: "BASIC", front: md(shape.front), back: md(shape.back) };
    case "REVERSED": {
      const [front, back] = ordinal === 0 ? [shape.front, shape.back] : [shape.back, shape.front];
      return { kind: bothDirections ? "REVERSED" : "BASIC", front: md(front), back: md(back) };
    }
    case "CLOZE": {
      const text = md(shape.text);
      const problems = clozeProblems(text);
      if (problems.length) return { skip: problems.join("; ") };
      const n = ordinal + 1;
      if (!clozeNumbers(text).includes(n)) return { skip: `the note has no {{c${n}::…}} gap` };
      const faces = renderCloze(text, n);
      const extra = joined(shape.extra.map(md));
      return { kind: "CLOZE", front: faces.front, back: joined([faces.back, extra]), cloze: { text, extra } };
    }
    case "FIRST_FIELD_FRONT":
      return { kind: "BASIC", front: md(0), back: joined(fields.slice(1).map((_, i) => md(i + 1))) };
  }
}
