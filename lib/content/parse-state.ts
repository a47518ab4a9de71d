// Shared state of the markdown reader and the raw items it produces.
import type { LineSource } from "./blocks";
import { contextOf, type HeadingContext, type HeadingEntry } from "./headings";
import { extractMarkers, type Markers } from "./markers";
import type { ParseWarning, SkippedLine, SourceRef } from "./schemas";

export interface ItemBase {
  ref: SourceRef;
  /** The start of the item's first line, for reports. */
  excerpt: string;
  markers: Markers;
  context: HeadingContext;
}

/** One authored item before it is turned into cards. */
export type RawItem =
  | (ItemBase & {
      type: "question";
      source: "qa" | "numbered" | "heading" | "prompt" | "csv";
      question: string;
      answer: string;
      wrongAnswer?: string;
      keyPoints: string[];
    })
  | (ItemBase & { type: "reverse"; term: string; definition: string })
  | (ItemBase & { type: "cloze"; text: string })
  | (ItemBase & { type: "exercise"; prompt: string })
  | (ItemBase & { type: "checklist"; text: string });

export type QuestionItem = Extract<RawItem, { type: "question" }>;

/** What the reader makes of one file. */
export interface ParsedFile {
  items: RawItem[];
  skipped: SkippedLine[];
  warnings: ParseWarning[];
  frontMatter: Record<string, string>;
}

/** How a file is read (see content/README.md, "Notes"). */
export interface ReadStyle {
  /** Answers run past blank lines to the next question or heading (imported notes), not one paragraph (module folders). */
  runOnAnswers: boolean;
  /** Every heading below `#` with text under it is a question (front matter `headings: questions`). */
  headingQuestions: boolean;
}

/** The reader's position in one file and what it has produced so far. */
export interface State {
  file: string;
  src: LineSource;
  stack: HeadingEntry[];
  out: ParsedFile;
  style: ReadStyle;
}

/** 1-based source reference of 0-based line `index`. */
export function ref(state: State, index: number): SourceRef {
  return { file: state.file, line: index + 1 };
}

/** Records line `index` as skipped, with the reason. */
export function skip(state: State, index: number, reason: string): void {
  const text = (state.src.lines[index] ?? "").trim().slice(0, 120);
  state.out.skipped.push({ ...ref(state, index), text, reason });
}

/** Strips an item's markers and captures where it sits. */
export function item(state: State, index: number, text: string): { clean: string; base: ItemBase } {
  const { text: clean, markers } = extractMarkers(text);
  for (const message of markers.notes) state.out.warnings.push({ ...ref(state, index), message });
  const excerpt = (state.src.lines[index] ?? "").trim().slice(0, 120);
  return { clean, base: { ref: ref(state, index), excerpt, markers, context: contextOf(state.stack) } };
}

/** Combines the markers of two parts of one item line (e.g. inside and after `**bold**`). */
export function mergeMarkers(a: Markers, b: Markers): Markers {
  const problems = [...a.problems, ...b.problems];
  if (a.difficulty && b.difficulty && a.difficulty !== b.difficulty) problems.push("conflicting difficulty markers");
  return {
    difficulty: a.difficulty ?? b.difficulty,
    id: a.id ?? b.id,
    role: a.role ?? b.role,
    reverse: a.reverse || b.reverse,
    tags: [...a.tags, ...b.tags],
    evidence: a.evidence ?? b.evidence,
    exerciseSlug: a.exerciseSlug ?? b.exerciseSlug,
    problems,
    notes: [...a.notes, ...b.notes],
  };
}
