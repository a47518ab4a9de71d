// Readers for the question formats: `Q:`/`A:` pairs, bold and numbered
// questions, prompt-list items, plus the "Common wrong answer" and "Key
// points" lines that may follow any of them.
import { collectBlock, collectListItems, joinBlock, skipBlank, type BlockOptions } from "./blocks";
import { ANSWER, indentOf, KEY_POINTS, LIST_ITEM, WRONG } from "./line-kinds";
import { extractMarkers } from "./markers";
import { item, mergeMarkers, skip, type QuestionItem, type State } from "./parse-state";
import type { QuestionLine } from "./question-lines";

/** Block options for an answer: one paragraph in a module folder, up to the next question or heading in notes. */
export function answerBlock(state: State, stop?: (line: string) => boolean): BlockOptions {
  return state.style.runOnAnswers ? { runOn: true } : { stop };
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
      else q.wrongAnswer = joinBlock(wrong[1] ?? "", block.lines).replace(/^[“"]([^“”"]*)[”"]$/, "$1");
      next = block.next;
    } else {
      const inline = (points?.[1] ?? "")
        .split(";")
        .map((p) => p.trim())
        .filter(Boolean);
      const list = collectListItems(src, j + 1);
      if (q.keyPoints.length) skip(state, j, "a second key-points list for the same question");
      else q.keyPoints = [...inline, ...list.items];
      next = list.next;
    }
  }
}

/** Reads a `Q:` line at `i` and its `A:`; returns the next unread line. */
export function readQa(state: State, i: number, first: string): number {
  const { src } = state;
  const question = collectBlock(src, i + 1, { paragraphOnly: true });
  const j = skipBlank(src, question.next);
  const answer = src.code[j] ? null : ANSWER.exec(src.lines[j] ?? "");
  if (!answer) {
    skip(state, i, "question without an answer: expected an `A:` line after it");
    return question.next;
  }
  const { clean, base } = item(state, i, first);
  const block = collectBlock(src, j + 1, answerBlock(state));
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

/**
 * Reads a question line at `i` (bold, numbered or quick-fire; see
 * question-lines.ts) and its answer: the text after it on the line plus what
 * follows, or the block below it.
 */
export function readQuestionLine(state: State, i: number, found: QuestionLine): number {
  const { src } = state;
  const line = src.lines[i] ?? "";
  const numbered = /^\s*\*{0,2}\d+[.)]/.test(line);
  const indent = indentOf(line);
  // In a module folder a numbered question's answer ends at the next item of its list.
  const stop = numbered ? (l: string) => /^\s*\d+[.)]\s/.test(l) && indentOf(l) <= indent : undefined;
  const { clean, base } = item(state, i, found.question);
  const rest = extractMarkers(found.rest);
  const markers = mergeMarkers(base.markers, rest.markers);
  const from = rest.text ? i + 1 : skipBlank(src, i + 1);
  const block = collectBlock(src, from, answerBlock(state, stop));
  const answer = joinBlock(rest.text, block.lines);
  if (!answer) {
    skip(state, i, numbered ? "numbered question without an answer below it" : "bold line with no answer below");
    return i + 1;
  }
  const q: QuestionItem = { ...base, markers, type: "question", source: "numbered", question: clean, answer, keyPoints: [] };
  state.out.items.push(q);
  return readAttachments(state, q, block.next);
}

/**
 * Reads a heading at `i` as a question (`title` is its raw text, `level` its
 * depth): the block under it is the answer. Returns the next unread line, or
 * undefined when nothing but a heading or a new item follows — then it is a
 * topic, and a heading that asks ("…?") with no deeper heading under it is
 * reported.
 */
export function readHeadingQuestion(state: State, i: number, level: number, title: string, asks: boolean): number | undefined {
  const { src } = state;
  const block = collectBlock(src, skipBlank(src, i + 1), answerBlock(state));
  const answer = joinBlock("", block.lines);
  if (!answer) {
    const next = /^(#{1,6})\s/.exec(src.lines[skipBlank(src, i + 1)] ?? "");
    const deeper = next !== null && (next[1] ?? "").length > level;
    if (asks && !deeper) skip(state, i, "question heading with no answer below it");
    return undefined;
  }
  state.stack = state.stack.filter((h) => h.level < level);
  const { clean, base } = item(state, i, title);
  const q: QuestionItem = { ...base, type: "question", source: "heading", question: clean, answer, keyPoints: [] };
  state.out.items.push(q);
  return readAttachments(state, q, block.next);
}

/** Reads a prompt-list item at `i`; it needs an `A:` line below it. */
export function readPrompt(state: State, i: number, indent: number, text: string): number {
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
