// Recognizers for the line-oriented markdown format (see content/README.md).
// Each takes one raw line and says what it starts; none looks at other lines
// except `codeMask`, which marks fenced code and `$$` math blocks.
import { questionLine } from "./question-lines";

export const HEADING = /^(#{1,6})\s+(.*?)\s*#*\s*$/;
export const CHECKLIST = /^\s*[-*+]\s+\[([ xX])\]\s+(.*)$/;
export const QUESTION = /^\s*(?:[-*+]\s+)?(?:\*\*)?(?:Q|Question)\s*(?::(?!:)|\.(?=\s))(?:\*\*)?[ \t]*(.*)$/;
export const ANSWER = /^\s*(?:[-*+]\s+)?(?:\*\*)?(?:A|Answer)\s*(?::(?!:)|\.(?=\s))(?:\*\*)?[ \t]*(.*)$/;
export const WRONG = /^\s*(?:[-*+]\s+)?[*_]*common wrong answers?(?: to avoid)?[*_]*\s*:[*_]*\s*(.*)$/i;
export const KEY_POINTS = /^\s*[*_]*key points[*_]*\s*:[*_]*\s*(.*)$/i;
export const LIST_ITEM = /^(\s*)(?:[-*+]|\d+[.)])\s+(.*)$/;
const HR = /^\s*(?:-{3,}|\*{3,}|_{3,})\s*$/;
const FENCE = /^\s*(`{3,}|~{3,})/;
export const CLOZE_HINT = /\{\{c\d+:/;
const EXERCISE_HINT = /\[exercise\s*:[^\]]*\]\s*(?:\[[^\]]*\]\s*|\{#[^}]*\}\s*)*$/i;

/** True for blank or whitespace-only lines. */
export function isBlank(line: string): boolean {
  return line.trim() === "";
}

/** Leading spaces of a line (a tab counts as four). */
export function indentOf(line: string): number {
  const lead = /^[ \t]*/.exec(line)?.[0] ?? "";
  return lead.replace(/\t/g, "    ").length;
}

/** A `Term :: Definition` line: ` :: ` outside inline code and cloze gaps. */
export function reverseParts(line: string): { term: string; definition: string } | undefined {
  const body = line.replace(/^\s*[-*+]\s+/, "");
  const masked = body.replace(/`[^`]*`/g, (s) => "x".repeat(s.length)).replace(/\{\{c\d+::.*?\}\}/g, (s) => "x".repeat(s.length));
  const at = masked.indexOf(" :: ");
  if (at < 0) return undefined;
  return { term: body.slice(0, at).trim(), definition: body.slice(at + 4).trim() };
}

/** A line whose markers include `[exercise: slug]`. */
export function isExerciseLine(line: string): boolean {
  return EXERCISE_HINT.test(line);
}

/** A line that always starts something new and so ends any answer or question being read. */
export function isStructural(line: string): boolean {
  return (
    HEADING.test(line) ||
    CHECKLIST.test(line) ||
    QUESTION.test(line) ||
    ANSWER.test(line) ||
    WRONG.test(line) ||
    KEY_POINTS.test(line) ||
    HR.test(line) ||
    questionLine(line) !== undefined ||
    CLOZE_HINT.test(line) ||
    reverseParts(line) !== undefined ||
    isExerciseLine(line)
  );
}

/** True when the line opens a fenced code block or a `$$` display-math block. */
export function opensBlock(line: string): boolean {
  return FENCE.test(line) || line.trim() === "$$";
}

/**
 * Marks lines inside fenced code blocks and `$$` math blocks (fences included),
 * which are never read as items. `unclosedAt` is the 0-based index of a block
 * that runs to the end of the file.
 */
export function codeMask(lines: readonly string[]): { mask: boolean[]; unclosedAt?: number } {
  const mask = lines.map(() => false);
  let open: { closer: RegExp; at: number } | undefined;
  lines.forEach((line, i) => {
    if (open) {
      mask[i] = true;
      if (open.closer.test(line)) open = undefined;
      return;
    }
    const fence = FENCE.exec(line);
    if (fence?.[1]) {
      const char = fence[1][0] === "`" ? "`" : "~";
      open = { closer: new RegExp(`^\\s*\\${char}{${fence[1].length},}\\s*$`), at: i };
      mask[i] = true;
    } else if (line.trim() === "$$") {
      open = { closer: /^\s*\$\$\s*$/, at: i };
      mask[i] = true;
    }
  });
  return open ? { mask, unclosedAt: open.at } : { mask };
}
