// Reading multi-line blocks (answers, question continuations, key-point lists)
// out of a file's lines. A block is a paragraph; it goes on past a blank line
// only into an indented paragraph or a fenced code / `$$` block (or, in notes,
// into any paragraph), and it stops at any structural line (see line-kinds.ts).
import { codeMask, indentOf, isBlank, isStructural, LIST_ITEM } from "./line-kinds";

/** The lines of one markdown file plus which of them are code. */
export interface LineSource {
  readonly lines: readonly string[];
  readonly code: readonly boolean[];
  readonly unclosedAt?: number;
}

/** Splits a file into lines (any newline style) and marks its code lines. */
export function lineSource(text: string): LineSource {
  const lines = text.replace(/\r\n?/g, "\n").split("\n");
  const { mask, unclosedAt } = codeMask(lines);
  return { lines, code: mask, unclosedAt };
}

export interface BlockOptions {
  /** Extra stop condition, e.g. the next list item of a prompt list. */
  stop?: (line: string) => boolean;
  /** Stop at the first blank line even if an indented paragraph follows. */
  paragraphOnly?: boolean;
  /** Go on past blank lines into any paragraph (notes: an answer runs to the next question or heading). */
  runOn?: boolean;
}

/** Index of the first non-blank line at or after `from` (code lines count as non-blank). */
export function skipBlank(src: LineSource, from: number): number {
  let i = from;
  while (i < src.lines.length && !src.code[i] && isBlank(src.lines[i] ?? "")) i++;
  return i;
}

/**
 * Removes the common indentation of non-blank lines. Prose and code lines
 * (`isCode[i]`) are dedented separately, so an indented paragraph next to a
 * flush-left code fence does not keep an indent that markdown would misread.
 */
export function dedent(lines: readonly string[], isCode: readonly boolean[] = []): string[] {
  const cutFor = (code: boolean) => {
    const indents = lines.filter((l, i) => (isCode[i] ?? false) === code && !isBlank(l)).map(indentOf);
    return indents.length ? Math.min(...indents) : 0;
  };
  const cuts = { prose: cutFor(false), code: cutFor(true) };
  return lines.map((l, i) => {
    const cut = isCode[i] ? cuts.code : cuts.prose;
    return l.replace(/\t/g, "    ").slice(Math.min(cut, indentOf(l)));
  });
}

/**
 * Collects block lines starting at `from` (inclusive). Returns the dedented
 * lines and the index of the first line not taken.
 */
export function collectBlock(src: LineSource, from: number, opts: BlockOptions = {}): { lines: string[]; next: number } {
  const out: string[] = [];
  const isCode: boolean[] = [];
  let i = from;
  while (i < src.lines.length) {
    const line = src.lines[i] ?? "";
    if (src.code[i]) {
      out.push(line);
      isCode[out.length - 1] = true;
      i++;
      continue;
    }
    const stops = (l: string) => isStructural(l) || (opts.stop?.(l) ?? false);
    if (isBlank(line)) {
      if (opts.paragraphOnly) break;
      const j = skipBlank(src, i);
      const next = src.lines[j];
      const continues = next !== undefined && (src.code[j] === true || ((opts.runOn === true || indentOf(next) >= 2) && !stops(next)));
      if (!continues) break;
      out.push(...src.lines.slice(i, j).map(() => ""));
      i = j;
      continue;
    }
    if (stops(line)) break;
    out.push(line);
    i++;
  }
  return { lines: dedent(out, isCode), next: i };
}

/** Joins a first-line remainder with the block that follows it into trimmed markdown. */
export function joinBlock(first: string, rest: readonly string[]): string {
  return [first, ...rest].join("\n").trim();
}

/**
 * Reads a key-point list starting at line `from`: list items, each possibly
 * wrapped onto indented lines, with no blank lines in between.
 */
export function collectListItems(src: LineSource, from: number): { items: string[]; next: number } {
  const items: string[] = [];
  let i = from;
  while (i < src.lines.length && !src.code[i]) {
    const line = src.lines[i] ?? "";
    if (isBlank(line)) break;
    const item = LIST_ITEM.exec(line);
    if (item) items.push((item[2] ?? "").trim());
    else if (items.length && indentOf(line) >= 2 && !isStructural(line)) items[items.length - 1] += ` ${line.trim()}`;
    else break;
    i++;
  }
  return { items, next: i };
}
