// Item markers: the `[hard]`, `{#id}`, `[reverse]`... tokens an author puts at
// the end of an item's first line (difficulty emoji may also lead it).
import { MAX_ID } from "./limits";
import type { CardRole, Difficulty, EvidenceRule } from "./schemas";

/** What the markers of one line say. `problems` make the item unusable. */
export interface Markers {
  difficulty?: Difficulty;
  id?: string;
  role?: CardRole;
  reverse: boolean;
  tags: string[];
  evidence?: EvidenceRule;
  exerciseSlug?: string;
  problems: string[];
  notes: string[];
}

const TRAILING = /\s*(\[[^[\]]*\]|\{#[^{}]*\}|🟢|🟡|🔴)\s*$/u;
const LEADING = /^\s*(🟢|🟡|🔴)\s*/u;
const EMOJI: Record<string, Difficulty> = { "🟢": "EASY", "🟡": "MEDIUM", "🔴": "HARD" };
const WORD: Record<string, Difficulty> = { easy: "EASY", medium: "MEDIUM", hard: "HARD" };
const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
const ID = /^[a-z0-9][a-z0-9-]*$/;
const EVIDENCE = /^(?:exercise\s+)?([a-z0-9]+(?:-[a-z0-9]+)*)(?:\s+passed)?(?:\s+on)?\s+(\d+)\s+(?:separate\s+|different\s+|distinct\s+)?days?$/i;

/** Parses the text of an `[evidence: …]` marker, e.g. "causal-mask-row passed on 3 separate days". */
export function parseEvidence(text: string): EvidenceRule | undefined {
  const m = EVIDENCE.exec(text.trim());
  if (!m?.[1] || !m[2]) return undefined;
  const days = Number(m[2]);
  if (days < 1 || days > 30) return undefined;
  return { kind: "exercise-passed", exerciseSlug: m[1].toLowerCase(), distinctDays: days };
}

function setDifficulty(markers: Markers, value: Difficulty): void {
  if (markers.difficulty && markers.difficulty !== value) {
    markers.problems.push(`conflicting difficulty markers (${markers.difficulty.toLowerCase()} and ${value.toLowerCase()})`);
  }
  markers.difficulty = value;
}

/** Applies one bracket token; false when the token is not a marker (it stays in the text). */
function applyBracket(markers: Markers, inner: string): boolean {
  const word = inner.trim().toLowerCase();
  const difficulty = WORD[word];
  if (difficulty) {
    setDifficulty(markers, difficulty);
    return true;
  }
  if (word === "interview" || word === "recall") {
    markers.role = word === "interview" ? "INTERVIEW" : "RECALL";
    return true;
  }
  if (word === "reverse" || word === "reversed") {
    markers.reverse = true;
    return true;
  }
  const kv = /^(evidence|tags?|exercise)\s*:\s*(.*)$/is.exec(inner.trim());
  if (!kv?.[1]) {
    if (/^[a-z][a-z-]{2,19}$/.test(word)) markers.notes.push(`unknown marker [${inner.trim()}] kept as text`);
    return false;
  }
  const key = kv[1].toLowerCase();
  const value = (kv[2] ?? "").trim();
  if (key === "evidence") {
    const rule = parseEvidence(value);
    if (rule) markers.evidence = rule;
    else markers.problems.push(`cannot read evidence rule "${value}" (expected e.g. "causal-mask-row passed on 3 separate days")`);
  } else if (key === "exercise") {
    if (SLUG.test(value)) markers.exerciseSlug = value;
    else markers.problems.push(`exercise slug "${value}" is not kebab-case`);
  } else {
    const tags = value
      .split(",")
      .map((t) => t.trim().toLowerCase())
      .filter(Boolean);
    markers.tags.push(...tags);
  }
  return true;
}

/**
 * Removes markers from the end (and difficulty emoji from the start) of `text`
 * and returns what they say. Unknown bracketed text such as `[-1, 1]` is left
 * in place, so ordinary content that ends in brackets is safe.
 */
export function extractMarkers(text: string): { text: string; markers: Markers } {
  const markers: Markers = { reverse: false, tags: [], problems: [], notes: [] };
  let rest = text;
  const lead = LEADING.exec(rest);
  if (lead?.[1]) {
    setDifficulty(markers, EMOJI[lead[1]] ?? "MEDIUM");
    rest = rest.slice(lead[0].length);
  }
  for (;;) {
    const m = TRAILING.exec(rest);
    const token = m?.[1];
    if (!m || !token) break;
    const emoji = EMOJI[token];
    if (emoji) {
      setDifficulty(markers, emoji);
    } else if (token.startsWith("{#")) {
      const id = token.slice(2, -1).trim();
      if (ID.test(id) && id.length <= MAX_ID) markers.id = id;
      else markers.problems.push(`invalid id {#${id}}: use lowercase letters, digits and hyphens, at most ${MAX_ID} characters`);
    } else if (!applyBracket(markers, token.slice(1, -1))) {
      break;
    }
    rest = rest.slice(0, m.index);
  }
  return { text: rest.trim(), markers };
}
