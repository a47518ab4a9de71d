// Recognizers for question lines as people write them in notes: a bold
// question with the number outside, inside or alone in the bold
// (`12. **Why…?**`, `**12. Why…?**`, `**12.** Why…?`), a quick-fire line
// (`**51.** *Question?* answer`), a bold line on its own, and a plain
// numbered line ending in "?". Each takes one raw line; whether an answer
// follows is decided by the reader (read-questions.ts).

/** What a question line holds: the question, and the text after it on the same line (an inline answer). */
export interface QuestionLine {
  question: string;
  rest: string;
  /** True when nothing but the question is on the line, so the answer must be below it. */
  answerBelow: boolean;
}

const BOLD_LEAD = /^(\s*)(?:(\d+)[.)]\s+)?\*\*(.+?)\*\*(.*)$/;
const NUMBER_ONLY = /^\d+[.)]$/;
const NUMBER_INSIDE = /^\d+[.)]\s+(.+)$/;
const ITALIC_LEAD = /^(?:\*([^*]+)\*|_([^_]+)_)(.*)$/;
const PLAIN_NUMBERED = /^(\d+)[.)]\s+(.+)$/;
const MARKERS_ONLY = /^(?:\s*(?:\[[^\]]*\]|\{#[^}]*\}|🟢|🟡|🔴))*\s*$/u;
const ENDS_ASKING = /\?\s*(?:\[[^\]]*\]\s*|\{#[^}]*\}\s*|🟢\s*|🟡\s*|🔴\s*)*$/u;
const MARKER_HINT = /(\[(?:easy|medium|hard|interview|recall|reverse)\]|\{#[^}]*\}|🟢|🟡|🔴)/iu;

/** True when `text` ends in "?" (markers after it allowed). */
export function asks(text: string): boolean {
  return ENDS_ASKING.test(text);
}

/** True when `text` holds only item markers (or nothing). */
export function onlyMarkers(text: string): boolean {
  return MARKERS_ONLY.test(text);
}

function found(question: string, rest: string): QuestionLine {
  const after = rest.trim();
  return { question: question.trim(), rest: after, answerBelow: onlyMarkers(after) };
}

/**
 * A question written with bold: the bold text (or, after a bold number, the
 * text that follows) is the question. It must end in "?" or carry a marker,
 * unless nothing else is on the line — then it is a bold line, a question
 * whose answer is below (one ending in ":" is a label, not a question).
 */
export function boldQuestion(line: string): QuestionLine | undefined {
  const m = BOLD_LEAD.exec(line);
  if (!m?.[3]) return undefined;
  const numbered = m[2] !== undefined;
  // An unnumbered bold line indented like code or a nested list is part of something else.
  if (!numbered && (m[1] ?? "").replace(/\t/g, "    ").length > 3) return undefined;
  const bold = m[3].trim();
  const rest = (m[4] ?? "").trim();
  if (NUMBER_ONLY.test(bold) && !numbered) return numberLead(rest);
  const inner = NUMBER_INSIDE.exec(bold);
  const question = !numbered && inner?.[1] ? inner[1] : bold;
  if (asks(question) || MARKER_HINT.test(question)) return found(question, rest);
  if (onlyMarkers(rest) && !/:\s*$/.test(question)) return found(question, rest);
  return undefined;
}

/** After a bold number (`**12.**`): an italic question with its answer on the line, or the rest of the line as the question. */
function numberLead(rest: string): QuestionLine | undefined {
  if (!rest) return undefined;
  const italic = ITALIC_LEAD.exec(rest);
  const question = italic?.[1] ?? italic?.[2];
  if (question) return found(question, italic?.[3] ?? "");
  return { question: rest, rest: "", answerBelow: true };
}

/** A flush-left numbered line ending in "?" (`12. Why does …?`): a question whose answer is below. */
export function plainNumberedQuestion(line: string): QuestionLine | undefined {
  const m = PLAIN_NUMBERED.exec(line);
  if (!m?.[2] || !asks(m[2])) return undefined;
  return { question: m[2].trim(), rest: "", answerBelow: true };
}

/** Any of the question lines above. */
export function questionLine(line: string): QuestionLine | undefined {
  return boldQuestion(line) ?? plainNumberedQuestion(line);
}
