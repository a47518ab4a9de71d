// The line-oriented reader of one markdown file: turns lines into raw items
// (questions, reverse notes, cloze notes, exercises, checklist items) and
// reports the lines it had to skip. Card-level validation happens later, in
// build-items.ts. Pure: text in, values out.
import { collectBlock, joinBlock, lineSource } from "./blocks";
import { contextOf, enterHeading, readHeading } from "./headings";
import { ANSWER, CHECKLIST, CLOZE_HINT, HEADING, isExerciseLine, KEY_POINTS, LIST_ITEM, QUESTION, reverseParts, WRONG } from "./line-kinds";
import { extractMarkers } from "./markers";
import { item, mergeMarkers, skip, type ParsedFile, type ReadStyle, type State } from "./parse-state";
import { asks, boldQuestion, plainNumberedQuestion } from "./question-lines";
import { readHeadingQuestion, readPrompt, readQa, readQuestionLine } from "./read-questions";
import { unreadQuestionReason } from "./unread-questions";

export type { ParsedFile, QuestionItem, RawItem, ReadStyle } from "./parse-state";

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
    const level = (heading[1] ?? "#").length;
    const entry = readHeading(level, heading[2] ?? "");
    const title = (heading[2] ?? "").replace(/\s*¶\s*$/, "");
    const asking = asks(title);
    if (!entry.mode && (asking || (state.style.headingQuestions && level > 1))) {
      const next = readHeadingQuestion(state, i, level, title, asking);
      if (next !== undefined) return next;
    }
    state.stack = enterHeading(state.stack, entry);
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
  const bold = boldQuestion(line);
  if (bold) return readQuestionLine(state, i, bold);
  const listItem = LIST_ITEM.exec(line);
  const inPromptList = contextOf(state.stack).mode?.kind === "prompt";
  const plain = inPromptList ? undefined : plainNumberedQuestion(line);
  if (plain) return readQuestionLine(state, i, plain);
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
  if (listItem && inPromptList) {
    return readPrompt(state, i, (listItem[1] ?? "").length, listItem[2] ?? "");
  }
  const unread = unreadQuestionReason(line);
  if (unread) skip(state, i, unread);
  return i + 1;
}

/**
 * Parses one markdown file of a module into raw items, skipped lines and
 * warnings. `runOnAnswers` reads it as notes (see ReadStyle); front matter
 * `headings: questions` turns on heading questions.
 */
export function parseMarkdownFile(file: string, text: string, options: { runOnAnswers?: boolean } = {}): ParsedFile {
  const src = lineSource(text);
  const style: ReadStyle = { runOnAnswers: options.runOnAnswers ?? false, headingQuestions: false };
  const state: State = { file, src, stack: [], style, out: { items: [], skipped: [], warnings: [], frontMatter: {} } };
  let i = readFrontMatter(state);
  style.headingQuestions = /^questions?$/i.test(state.out.frontMatter.headings ?? "");
  while (i < src.lines.length) {
    i = src.code[i] ? i + 1 : readLine(state, i);
  }
  if (src.unclosedAt !== undefined) {
    skip(state, src.unclosedAt, "code block is never closed: the rest of the file was read as code");
  }
  return state.out;
}
