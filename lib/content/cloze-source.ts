// The note behind cloze cards, kept on each of them (card.noteSource) in the
// shape the card editor records a cloze draft (lib/cards/card-draft.ts): the
// gaps are gone from the rendered faces, so without it the editor could not
// reopen an imported cloze and the exports could not write it back whole.
import { z } from "zod";
import { stableStringify } from "./ids";
import type { Difficulty } from "./schemas";

export interface ClozeSource {
  /** The note text with its `{{cN::answer::hint}}` gaps. */
  text: string;
  /** Shown under every card's answer (Anki's Back Extra); empty when none. */
  extra: string;
  topic: string;
  tags: string[];
  difficulty: Difficulty;
}

/** The stable JSON of a cloze note, as the editor records a cloze draft: equal notes give equal strings. */
export function clozeNoteSource(source: ClozeSource): string {
  return stableStringify({
    kind: "cloze",
    text: source.text,
    extra: source.extra,
    topic: source.topic,
    tags: source.tags,
    difficulty: source.difficulty,
  });
}

const RecordedClozeSchema = z.object({ kind: z.literal("cloze"), text: z.string().min(1), extra: z.string().default("") });

/** The text and extra of a recorded cloze note; null for no record, a record of another kind or one that does not parse. */
export function readClozeSource(noteSource: string | null): { text: string; extra: string } | null {
  if (!noteSource) return null;
  let value: unknown;
  try {
    value = JSON.parse(noteSource);
  } catch {
    return null;
  }
  const parsed = RecordedClozeSchema.safeParse(value);
  return parsed.success ? { text: parsed.data.text, extra: parsed.data.extra } : null;
}

/** A recorded cloze note with its text and extra passed through `edit` (image links pointed elsewhere); anything else as it is. */
export function editClozeSource(noteSource: string | null, edit: (text: string) => string): string | null {
  const cloze = readClozeSource(noteSource);
  if (!cloze || !noteSource) return noteSource;
  const record = JSON.parse(noteSource) as Record<string, unknown>;
  return stableStringify({ ...record, text: edit(cloze.text), extra: edit(cloze.extra) });
}
