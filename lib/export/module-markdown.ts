// A module's cards and checklist → markdown files in the module folder format
// (content/README.md) that the importer reads back to the same external ids
// and content: every item carries its `{#id}`, difficulty and tags as markers,
// topics become headings, answers are indented so blank lines stay inside.
// Pure: rows in, file texts out.
import { recoverClozeNote } from "../content/cloze";
import { readClozeSource } from "../content/cloze-source";
import { noteCardIds } from "../content/note-card-ids";
import { MAX_FILE_BYTES } from "../content/limits";
import type { CardKind, CardRole, Difficulty, EvidenceRule } from "../content/schemas";

/** The fields of a card row the writer needs. */
export interface ExportCard {
  externalId: string;
  kind: CardKind;
  role: CardRole;
  front: string;
  back: string;
  commonWrongAnswer: string | null;
  keyPoints: string[];
  topic: string;
  tags: string[];
  difficulty: Difficulty;
  siblingKey: string;
  exerciseSlug: string | null;
  /** The note as the editor records it (a cloze with its gaps, for editor and imported cloze notes), when known. */
  noteSource: string | null;
}

export interface ExportChecklistItem {
  externalId: string;
  section: string;
  text: string;
  evidenceRule: EvidenceRule | null;
}

export interface MarkdownFiles {
  files: { name: string; text: string }[];
  /** Notes whose ids cannot be written as `{#id}` markers (they come back as new cards). */
  approximated: string[];
}

const MARKER_ID = /^[a-z0-9][a-z0-9-]*$/;
/** Leaves room under the importer's per-file cap for the headings a new file repeats. */
const FILE_BUDGET = MAX_FILE_BYTES - 8 * 1024;

function indent(text: string): string {
  return text
    .split("\n")
    .map((line) => (line.trim() ? `  ${line}` : ""))
    .join("\n");
}

function markers(card: Pick<ExportCard, "role" | "difficulty" | "tags">, id: string | null, extra: string[] = []): string {
  const parts = [...extra];
  if (card.role === "INTERVIEW") parts.push("[interview]");
  parts.push(`[${card.difficulty.toLowerCase()}]`);
  if (card.tags.length) parts.push(`[tags: ${card.tags.join(", ")}]`);
  if (id) parts.push(`{#${id}}`);
  return parts.join(" ");
}

function firstAndRest(text: string): { first: string; rest: string } {
  const [first = "", ...rest] = text.split("\n");
  return { first, rest: rest.length ? `\n${indent(rest.join("\n"))}` : "" };
}

function questionNote(card: ExportCard, id: string | null, reverse: boolean): string {
  const { first, rest } = firstAndRest(card.front);
  const lines = [`Q: ${first} ${markers(card, id, reverse ? ["[reverse]"] : [])}${rest}`, "A:", indent(card.back)];
  if (card.commonWrongAnswer) lines.push(`Common wrong answer to avoid: ${card.commonWrongAnswer.replace(/\n+/g, " ")}`);
  if (card.keyPoints.length) lines.push("Key points:", ...card.keyPoints.map((p) => `- ${p.replace(/\n+/g, " ")}`));
  return lines.join("\n");
}

/**
 * A cloze note's text with its gaps and its extra: as recorded with its cards
 * (written in the editor or imported), else recovered from its cards' faces;
 * null when neither works.
 */
export function clozeNote(cards: readonly ExportCard[]): { text: string; extra: string } | null {
  const recorded = readClozeSource(cards.find((c) => c.noteSource)?.noteSource ?? null);
  if (recorded) return { text: recorded.text.trim(), extra: recorded.extra.trim() };
  const ids = noteCardIds(cards[0]?.siblingKey ?? "");
  const numbered = cards.map((c) => ({ n: ids.clozeNumber(c.externalId) ?? 0, front: c.front, back: c.back }));
  const text = numbered.every((c) => c.n > 0) ? recoverClozeNote(numbered) : null;
  return text === null ? null : { text, extra: "" };
}

/**
 * One note (the live cards sharing a sibling key, in position order) as
 * markdown, under its key as `{#id}` when the cards' ids are the ones reading
 * it back gives. A cloze note is written as its text; one whose text cannot be
 * had (see clozeNote), spans paragraphs or has an extra (the module format has
 * no place for it) is written as one question per gap without an id (and
 * listed as approximated).
 */
function noteText(cards: readonly ExportCard[], approximated: string[]): string[] {
  const head = cards[0];
  if (!head) return [];
  const key = head.siblingKey;
  const ids = noteCardIds(key);
  if (head.kind === "CLOZE") {
    const note = clozeNote(cards);
    if (note && !note.extra && !note.text.includes("\n\n") && MARKER_ID.test(key)) return [`${note.text} ${markers(head, key)}`];
    approximated.push(key);
    return cards.map((c) => questionNote(c, null, false));
  }
  if (head.kind === "EXERCISE" && head.exerciseSlug) {
    const id = MARKER_ID.test(head.externalId) ? head.externalId : null;
    return [`${head.front.replace(/\n+/g, " ")} ${markers(head, id, [`[exercise: ${head.exerciseSlug}]`])}`];
  }
  if (head.kind === "REVERSED" && cards.some((c) => c.externalId === ids.reverse)) {
    const forward = cards.find((c) => c.externalId === ids.main);
    if (forward && MARKER_ID.test(key)) return [questionNote(forward, key, true)];
  }
  return cards.map((card) => {
    const id = card.externalId === ids.main ? key : card.externalId;
    if (MARKER_ID.test(id)) return questionNote(card, id, false);
    approximated.push(card.externalId);
    return questionNote(card, null, false);
  });
}

/** Splits an item stream into files, writing headings for each heading path and starting a new file where a path must close. */
class FileWriter {
  readonly files: { name: string; text: string }[] = [];
  private parts: string[] = [];
  private bytes = 0;
  private path: string[] = [];

  constructor(private readonly stem: string) {}

  add(path: readonly string[], text: string): void {
    const size = new TextEncoder().encode(text).length + 2;
    // Only a new file leaves every heading: an item with no topic cannot follow one with a topic.
    const closes = path.length === 0 && this.path.length > 0;
    if (this.parts.length && (closes || this.bytes + size > FILE_BUDGET)) this.flush();
    let same = 0;
    while (same < path.length && same < this.path.length && path[same] === this.path[same]) same++;
    // Going back up to a parent topic: repeating its heading closes the deeper ones.
    if (same === path.length && path.length < this.path.length) same = path.length - 1;
    for (let level = same; level < path.length; level++) this.push(`${"#".repeat(Math.min(level + 1, 6))} ${path[level]}`);
    this.path = [...path];
    this.push(text);
  }

  private push(text: string): void {
    this.parts.push(text);
    this.bytes += new TextEncoder().encode(text).length + 2;
  }

  flush(): void {
    if (!this.parts.length) return;
    const n = String(this.files.length + 1).padStart(2, "0");
    this.files.push({ name: `${n}-${this.stem}.md`, text: `${this.parts.join("\n\n")}\n` });
    this.parts = [];
    this.bytes = 0;
    this.path = [];
  }
}

function topicPath(topic: string): string[] {
  return topic ? topic.split(" > ") : [];
}

function evidenceMarker(rule: EvidenceRule | null): string[] {
  return rule ? [`[evidence: ${rule.exerciseSlug} passed on ${rule.distinctDays} separate days]`] : [];
}

/**
 * Writes `cards` (live cards in position order) and `checklist` (live items in
 * position order) as module files: `NN-cards.md` then `NN-checklist.md`. A new
 * file starts when the heading path has to close (an item with no topic after
 * one with a topic) or a file nears the importer's size cap.
 */
export function moduleMarkdown(cards: readonly ExportCard[], checklist: readonly ExportChecklistItem[]): MarkdownFiles {
  const approximated: string[] = [];
  const notes = new Map<string, ExportCard[]>();
  for (const card of cards) notes.set(card.siblingKey, [...(notes.get(card.siblingKey) ?? []), card]);
  const cardFiles = new FileWriter("cards");
  for (const note of notes.values()) {
    const path = topicPath(note[0]?.topic ?? "");
    for (const text of noteText(note, approximated)) cardFiles.add(path, text);
  }
  cardFiles.flush();
  const checkFiles = new FileWriter("checklist");
  for (const item of checklist) {
    const id = MARKER_ID.test(item.externalId) ? `{#${item.externalId}}` : "";
    const line = ["- [ ]", item.text.replace(/\n+/g, " "), ...evidenceMarker(item.evidenceRule), id].filter(Boolean).join(" ");
    checkFiles.add(item.section ? [item.section] : [], line);
  }
  checkFiles.flush();
  const renumbered = [...cardFiles.files, ...checkFiles.files].map((f, i) => ({ ...f, name: `${String(i + 1).padStart(2, "0")}${f.name.slice(2)}` }));
  return { files: renumbered, approximated };
}
