// The line-oriented reader of one markdown file: turns lines into raw items
// (questions, reverse notes, cloze notes, exercises, checklist items) and
// reports the lines it had to skip. Card-level validation happens later, in
// build-items.ts. Pure: text in, values out.
import { collectBlock, collectListItems, joinBlock, lineSource, skipBlank, type LineSource } from "./blocks";
import { contextOf, enterHeading, readHeading, type HeadingContext, type HeadingEntry } from "./headings";
import {
  ANSWER,
  CHECKLIST,
  CLOZE_HINT,
  HEADING,
  indentOf,
  isExerciseLine,
  KEY_POINTS,
  LIST_ITEM,
  numberedQuestion,
  QUESTION,
  reverseParts,
  WRONG,
} from "./line-kinds";
import { extractMarkers, type Markers } from "./markers";
import type { ParseWarning, SkippedLine, SourceRef } from "./schemas";

interface ItemBase {
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
      source: "qa" | "numbered" | "prompt";
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

export interface ParsedFile {
  items: RawItem[];
  skipped: SkippedLine[];
  warnings: ParseWarning[];
  frontMatter: Record<string, string>;
}

interface State {
  file: string;
  src: LineSource;
  stack: HeadingEntry[];
  out: ParsedFile;
}

function ref(state: State, index: number): SourceRef {
  return { file: state.file, line: index + 1 };
}

function skip(state: State, index: number, reason: string): void {
  const text = (state.src.lines[index] ?? "").trim().slice(0, 120);
  state.out.skipped.push({ ...ref(state, index), text, reason });
}

/** Strips an item's markers and captures where it sits. */
function item(state: State, index: number, text: string): { clean: string; base: ItemBase } {
  const { text: clean, markers } = extractMarkers(text);
  for (const message of markers.notes) state.out.warnings.push({ ...ref(state, index), message });
  const excerpt = (state.src.lines[index] ?? "").trim().slice(0, 120);
  return { clean, base: { ref: ref(state, index), excerpt, markers, context: contextOf(state.stack) } };
}

/** Reads "Common wrong answer…" and "Key points:" lines that follow a question. */
function readAttachments(state: State, q: QuestionItem, from: number): number {
  const { src } = state;
  let next = from;
  for (;;) {
    const j = skipBlank(src, next);
    const line = src.lines[j];
    if (line === undefined || src.code[j]) return next;
    const wrong = WRONG.exec(line);
    const points = wrong ? null : KEY_POINTS.exec(line);
    if (!wrong && !points) return next;
    if (wrong) {
      const block = collectBlock(src, j + 1);
      if (q.wrongAnswer !== undefined) skip(state, j, "a second common wrong answer for the same question");
      else q.wrongAnswer = joinBlock(wrong[1] ?? "", block.lines).replace(/^[“"](.*)[”"]$/s, "$1");
      next = block.next;
    } else {
      const inline = (points?.[1] ?? "").split(";").map((p) => p.trim()).filter(Boolean);
      const list = collectListItems(src, j + 1);
      if (q.keyPoints.length) skip(state, j, "a second key-points list for the same question");
      else q.keyPoints = [...inline, ...list.items];
      next = list.next;
    }
  }
}

function readQa(state: State, i: number, first: string): number {
  const { src } = state;
  const question = collectBlock(src, i + 1, { paragraphOnly: true });
  const j = skipBlank(src, question.next);
  const answer = src.code[j] ? null : ANSWER.exec(src.lines[j] ?? "");
  if (!answer) {
    skip(state, i, "question without an answer: expected an `A:` line after it");
    return question.next;
  }
  const { clean, base } = item(state, i, first);
  const block = collectBlock(src, j + 1);
  const q: QuestionItem = {
    ...base,
    type: "question",
    source: "qa",
    question: joinBlock(clean, question.lines),
    answer: joinBlock(answer[1] ?? "", block.lines),
    keyPoints: [],
  };
  state.out.items.push(q);
  return readAttachments(state, q, block.next);
}

function readNumbered(state: State, i: number, found: { question: string; rest: string }): number {
  const { src } = state;
  const indent = indentOf(src.lines[i] ?? "");
  const stop = (l: string) => /^\s*\d+[.)]\s/.test(l) && indentOf(l) <= indent;
  const { clean, base } = item(state, i, found.question);
  const rest = extractMarkers(found.rest);
  const markers = mergeMarkers(base.markers, rest.markers);
  let answer: string;
  let next: number;
  if (rest.text) {
    const block = collectBlock(src, i + 1, { stop });
    answer = joinBlock(rest.text, block.lines);
    next = block.next;
  } else {
    const block = collectBlock(src, skipBlank(src, i + 1), { stop });
    answer = joinBlock("", block.lines);
    next = block.next;
  }
  if (!answer) {
    skip(state, i, "numbered question without an answer paragraph below it");
    return i + 1;
  }
  const q: QuestionItem = { ...base, markers, type: "question", source: "numbered", question: clean, answer, keyPoints: [] };
  state.out.items.push(q);
  return readAttachments(state, q, next);
}

function readPrompt(state: State, i: number, indent: number, text: string): number {
  const { src } = state;
  const stop = (l: string) => {
    const m = LIST_ITEM.exec(l);
    return m !== null && (m[1] ?? "").length <= indent;
  };
  const question = collectBlock(src, i + 1, { paragraphOnly: true, stop });
  const j = skipBlank(src, question.next);
  const answer = src.code[j] ? null : ANSWER.exec(src.lines[j] ?? "");
  if (!answer) {
    skip(state, i, "prompt without an answer: put an indented `A: …` line under it to make it a card");
    return question.next;
  }
  const { clean, base } = item(state, i, text);
  const block = collectBlock(src, j + 1, { stop });
  const q: QuestionItem = {
    ...base,
    type: "question",
    source: "prompt",
    question: joinBlock(clean, question.lines),
    answer: joinBlock(answer[1] ?? "", block.lines),
    keyPoints: [],
  };
  state.out.items.push(q);
  return readAttachments(state, q, block.next);
}

function mergeMarkers(a: Markers, b: Markers): Markers {
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

function readFrontMatter(state: State): number {
  const { lines } = state.src;
  if (lines[0]?.trim() !== "---") return 0;
  const end = lines.findIndex((l, k) => k > 0 && l.trim() === "---");
  if (end < 0) return 0;
  for (const line of lines.slice(1, end)) {
    const m = /^([A-Za-z][\w-]*)\s*:\s*(.*)$/.exec(line);
    if (m?.[1]) state.out.frontMatter[m[1]] = (m[2] ?? "").trim().replace(/^["'](.*)["']$/, "$1");
  }
  return end + 1;
}

/** Reads the item that starts at line `i`; returns the index of the next unread line. */
function readLine(state: State, i: number): number {
  const { src } = state;
  const line = src.lines[i] ?? "";
  const heading = HEADING.exec(line);
  if (heading) {
    state.stack = enterHeading(state.stack, readHeading((heading[1] ?? "#").length, heading[2] ?? ""));
    return i + 1;
  }
  const check = CHECKLIST.exec(line);
  if (check) {
    const { clean, base } = item(state, i, check[2] ?? "");
    const more = collectBlock(src, i + 1, { paragraphOnly: true, stop: (l) => LIST_ITEM.test(l) });
    state.out.items.push({ ...base, type: "checklist", text: joinBlock(clean, more.lines).replace(/\s*\n\s*/g, " ") });
    return more.next;
  }
  const q = QUESTION.exec(line);
  if (q) return readQa(state, i, q[1] ?? "");
  if (ANSWER.test(line)) {
    skip(state, i, "answer without a question: an `A:` line must follow a `Q:` line");
    return collectBlock(src, i + 1).next;
  }
  if (WRONG.test(line) || KEY_POINTS.test(line)) {
    skip(state, i, "not attached to a question: put it right after the question's answer");
    return collectBlock(src, i + 1).next;
  }
  const numbered = numberedQuestion(line);
  if (numbered) return readNumbered(state, i, numbered);
  const body = line.replace(/^\s*(?:[-*+]|\d+[.)])\s+/, "");
  if (isExerciseLine(line)) {
    const { clean, base } = item(state, i, body);
    state.out.items.push({ ...base, type: "exercise", prompt: clean });
    return i + 1;
  }
  if (CLOZE_HINT.test(line)) {
    const more = collectBlock(src, i + 1, { paragraphOnly: true, stop: (l) => LIST_ITEM.test(l) });
    const { clean, base } = item(state, i, joinBlock(body, more.lines));
    state.out.items.push({ ...base, type: "cloze", text: clean });
    return more.next;
  }
  const parts = reverseParts(line);
  if (parts) {
    const lead = extractMarkers(parts.term);
    const { clean, base } = item(state, i, parts.definition);
    state.out.items.push({ ...base, markers: mergeMarkers(base.markers, lead.markers), type: "reverse", term: lead.text, definition: clean });
    return i + 1;
  }
  const listItem = LIST_ITEM.exec(line);
  if (listItem && contextOf(state.stack).mode?.kind === "prompt") {
    return readPrompt(state, i, (listItem[1] ?? "").length, listItem[2] ?? "");
  }
  return i + 1;
}

/** Parses one markdown file of a module into raw items, skipped lines and warnings. */
export function parseMarkdownFile(file: string, text: string): ParsedFile {
  const src = lineSource(text);
  const state: State = { file, src, stack: [], out: { items: [], skipped: [], warnings: [], frontMatter: {} } };
  let i = readFrontMatter(state);
  while (i < src.lines.length) {
    if (src.code[i]) {
      if (i === src.unclosedAt) skip(state, i, "code block is never closed: the rest of the file was read as code");
      i++;
      continue;
    }
    i = readLine(state, i);
  }
  return state.out;
}
