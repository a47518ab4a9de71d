// Lines that look like questions but match no question format. They are
// reported, not guessed at: a card made from prose that merely ends in "?"
// would be wrong more often than right.
import { asks } from "./question-lines";

const BULLET = /^\s*(?:[-*+]|\d+[.)])\s+/;
const QUOTE = /^\s*>\s?/;

/** Why `line` (prose the reader did not use) looks like an unread question, or null when it does not. */
export function unreadQuestionReason(line: string): string | null {
  const text = line.replace(QUOTE, "").trim();
  if (!asks(text.replace(/[*_]+$/, ""))) return null;
  if (BULLET.test(text)) {
    return "list item ending in “?” is not read as a question: bold it (**…?**) or use `Q:`/`A:`, with the answer below";
  }
  return "line ending in “?” is not read as a question: bold it (**…?**), make it a heading or use `Q:`/`A:`, with the answer below";
}
