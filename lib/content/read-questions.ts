// Readers for the question formats: `Q:`/`A:` pairs, numbered bold questions and
// prompt-list items, plus the "Common wrong answer" and "Key points" lines that
// may follow any of them.
import { collectBlock, collectListItems, joinBlock, skipBlank } from "./blocks";
import { ANSWER, indentOf, KEY_POINTS, LIST_ITEM, WRONG } from "./line-kinds";
import { extractMarkers } from "./markers";
import { item, mergeMarkers, skip, type QuestionItem, type State } from "./parse-state";

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

/** Reads a numbered bold question at `i` and its answer paragraph. */
export function readNumbered(state: State, i: number, found: { question: string; rest: string }): number {
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
