// Headings give items their topic (the heading path), a default difficulty and
// a mode: under an "Interview …" heading questions become INTERVIEW cards;
// under "Self-check", "Pause and recall" or "Retrieval prompts" list items are
// read as prompts.
import { extractMarkers } from "./markers";
import type { CardRole, Difficulty } from "./schemas";

/** How items under a heading are read. */
export type HeadingMode = { kind: "interview" } | { kind: "prompt"; tag: string };

export interface HeadingEntry {
  level: number;
  title: string;
  difficulty?: Difficulty;
  role?: CardRole;
  mode?: HeadingMode;
}

/** What the headings above an item say about it. */
export interface HeadingContext {
  /** Titles of the enclosing non-mode headings, outermost first, joined by " > ". */
  topic: string;
  /** Title of the nearest heading (checklist section). */
  section: string;
  mode?: HeadingMode;
  difficulty?: Difficulty;
  role?: CardRole;
}

const PROMPT_HEADINGS: ReadonlyArray<[RegExp, string]> = [
  [/\bself[- ]?check/i, "self-check"],
  [/\bpause and recall\b/i, "pause-and-recall"],
  [/\bretrieval prompts?\b/i, "retrieval-prompt"],
  [/\bcheckpoint questions?\b/i, "checkpoint"],
];

function modeOf(title: string, role: CardRole | undefined): HeadingMode | undefined {
  for (const [pattern, tag] of PROMPT_HEADINGS) if (pattern.test(title)) return { kind: "prompt", tag };
  if (role === "INTERVIEW" || (role === undefined && /\binterview\b/i.test(title))) return { kind: "interview" };
  return undefined;
}

/** Reads a heading's text: drops a trailing "¶" and markers, keeps their meaning. */
export function readHeading(level: number, raw: string): HeadingEntry {
  const { text, markers } = extractMarkers(raw.replace(/\s*¶\s*$/, ""));
  const title = text.replace(/\s+/g, " ").trim();
  return {
    level,
    title,
    difficulty: markers.difficulty,
    role: markers.role,
    mode: modeOf(title, markers.role),
  };
}

/** The stack after entering `entry`: headings of the same or deeper level are closed. */
export function enterHeading(stack: readonly HeadingEntry[], entry: HeadingEntry): HeadingEntry[] {
  return [...stack.filter((h) => h.level < entry.level), entry];
}

/** The context an item inherits from the open headings (nearest wins). */
export function contextOf(stack: readonly HeadingEntry[]): HeadingContext {
  const nearest = <T>(pick: (h: HeadingEntry) => T | undefined): T | undefined => {
    for (let i = stack.length - 1; i >= 0; i--) {
      const entry = stack[i];
      const value = entry ? pick(entry) : undefined;
      if (value !== undefined) return value;
    }
    return undefined;
  };
  return {
    topic: stack
      .filter((h) => !h.mode && h.title)
      .map((h) => h.title)
      .join(" > "),
    section: stack[stack.length - 1]?.title ?? "",
    mode: nearest((h) => h.mode),
    difficulty: nearest((h) => h.difficulty),
    role: nearest((h) => h.role),
  };
}
