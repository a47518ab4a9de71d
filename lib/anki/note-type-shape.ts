// What an Anki note type is, read from its templates rather than its name
// (users rename and translate note types): which field each card shows on
// its question side and which on its answer side.
import type { AnkiNoteType } from "./schemas";

/** How a note type's cards become ours. */
export type NoteTypeShape =
  | { kind: "BASIC"; front: number; back: number }
  | { kind: "REVERSED"; front: number; back: number }
  | { kind: "CLOZE"; text: number; extra: number[] }
  | { kind: "FIRST_FIELD_FRONT" };

const SPECIAL = new Set(["FrontSide", "Tags", "Type", "Deck", "Subdeck", "Card", "CardFlag"]);

/** Fields a template side displays, in order: `{{Field}}` and `{{filter:Field}}`, not `{{type:…}}` inputs or section markers. */
function shownFields(template: string): { shown: string[]; cloze: string[] } {
  const shown: string[] = [];
  const cloze: string[] = [];
  for (const match of template.matchAll(/\{\{\s*([^{}]+?)\s*\}\}/g)) {
    const tag = match[1] ?? "";
    if (/^[#^/!]/.test(tag)) continue;
    const parts = tag.split(":");
    const field = (parts.at(-1) ?? "").trim();
    const filters = parts.slice(0, -1).map((f) => f.trim());
    if (!field || SPECIAL.has(field) || filters.includes("type")) continue;
    if (filters.includes("cloze")) cloze.push(field);
    if (!shown.includes(field)) shown.push(field);
  }
  return { shown, cloze };
}

function sides(type: AnkiNoteType) {
  return type.templates.map((t) => {
    const question = shownFields(t.question).shown;
    const answer = shownFields(t.answer).shown.filter((f) => !question.includes(f));
    return { question, answer };
  });
}

/**
 * The shape of a note type: CLOZE for Anki's cloze kind; BASIC for one
 * template showing one field and answering with one other; REVERSED for two
 * templates that are each other's mirror (Anki's "and reversed" and
 * "optional reversed" types); anything else FIRST_FIELD_FRONT.
 */
export function noteTypeShape(type: AnkiNoteType): NoteTypeShape {
  const index = (name: string) => type.fields.indexOf(name);
  if (type.kind === "CLOZE") {
    const clozeField = type.templates.flatMap((t) => shownFields(t.question).cloze)[0];
    const text = clozeField !== undefined && index(clozeField) >= 0 ? index(clozeField) : 0;
    const extra = type.templates
      .flatMap((t) => shownFields(t.answer).shown)
      .map(index)
      .filter((i, at, all) => i >= 0 && i !== text && all.indexOf(i) === at);
    return { kind: "CLOZE", text, extra };
  }
  const s = sides(type);
  const single = s.every(
    (side) => side.question.length === 1 && side.answer.length === 1 && side.question.every((f) => index(f) >= 0) && side.answer.every((f) => index(f) >= 0),
  );
  const [first, second] = s;
  if (!single || !first) return { kind: "FIRST_FIELD_FRONT" };
  const front = index(first.question[0] ?? "");
  const back = index(first.answer[0] ?? "");
  if (s.length === 1) return { kind: "BASIC", front, back };
  if (s.length === 2 && second && second.question[0] === first.answer[0] && second.answer[0] === first.question[0]) {
    return { kind: "REVERSED", front, back };
  }
  return { kind: "FIRST_FIELD_FRONT" };
}
