import { quoteInput, truncateInput } from "../errors/quote-input";
import { MAX_ANSWER_LENGTH, type AnswerShape, type ParseFailure } from "./answer-spec";

export type NormalisedInput = { ok: true; text: string; notes: string[] } | ParseFailure;

const CHARACTER_SLIPS: ReadonlyArray<readonly [RegExp, string]> = [
  [/[\u00a0\u2009\u202f]/g, " "],
  [/[\u2212\u2013\u2014]/g, "-"],
  [/[×·⋅∙]/g, "*"],
  [/÷/g, "/"],
  [/π/g, "pi"],
  [/²/g, "^2"],
  [/³/g, "^3"],
  [/√\s*\(/g, "sqrt("],
  [/√\s*((?:\d+(?:\.\d*)?|\.\d+)|[A-Za-z]+)/g, "sqrt($1)"],
  [/\bln\s*\(/g, "log("],
  [/(?<=[\d)\]])\s*[xX]\s*(?=[\d(.])/g, " * "],
];

const UNIT_SLIPS: ReadonlyArray<readonly [RegExp, string, string]> = [
  [/(?<=[\d\s)])KB\b/g, "kB", "Read KB as kB (1000 bytes); write KiB for 1024 bytes."],
  [/(?<=[\d\s)])kiB\b/g, "KiB", "Read kiB as KiB (1024 bytes)."],
];

const GROUPED_NUMBER = /\d+(?:,\d+)+(?:\.\d+)?/g;

function depthAt(text: string): number[] {
  const depths: number[] = [];
  let depth = 0;
  for (const ch of text) {
    if (ch === "(" || ch === "[") depth += 1;
    depths.push(depth);
    if (ch === ")" || ch === "]") depth = Math.max(0, depth - 1);
  }
  return depths;
}

function isThousandsGrouping(groups: readonly string[]): boolean {
  const [head, ...rest] = groups;
  return head !== undefined && /^[1-9]\d{0,2}$/.test(head) && rest.every((g) => /^\d{3}$/.test(g));
}

/**
 * Reads one comma-bearing number outside brackets. Decimal comma when the part after a single
 * comma is not three digits (`1,5`), starts with 0 (`0,125`) or follows four or more digits;
 * thousands when every group is three digits and either there are several groups (`16,384,000`),
 * a decimal point follows (`1,234.5`) or the group is `000` (`4,000`). `1,250` stays ambiguous.
 */
function readGroupedNumber(token: string): { text: string; note: string } | { ambiguous: true } {
  const [integerPart = "", fraction] = token.split(".");
  const groups = integerPart.split(",");
  const plain = groups.join("") + (fraction === undefined ? "" : `.${fraction}`);
  const thousands = { text: plain, note: `Read ${truncateInput(token)} as ${truncateInput(plain)} (comma as a thousands separator).` };
  if (fraction !== undefined || groups.length > 2) {
    return isThousandsGrouping(groups) ? thousands : { ambiguous: true };
  }
  const [head = "", tail = ""] = groups;
  if (tail.length !== 3 || head.startsWith("0") || head.length > 3) {
    const decimal = `${head}.${tail}`;
    return { text: decimal, note: `Read ${truncateInput(token)} as ${truncateInput(decimal)} (decimal comma).` };
  }
  return tail === "000" ? thousands : { ambiguous: true };
}

function fixCommas(text: string): NormalisedInput {
  const depths = depthAt(text);
  const notes: string[] = [];
  let ambiguous: string | undefined;
  const fixed = text.replace(GROUPED_NUMBER, (token: string, offset: number) => {
    if ((depths[offset] ?? 0) > 0) return token;
    const read = readGroupedNumber(token);
    if ("ambiguous" in read) {
      ambiguous ??= token;
      return token;
    }
    notes.push(read.note);
    return read.text;
  });
  if (ambiguous !== undefined) {
    return {
      ok: false,
      code: "ambiguous-separator",
      message: `${quoteInput(ambiguous)} could be read two ways. Use a dot for decimals (1.25) and no thousands separator (1250).`,
    };
  }
  return { ok: true, text: fixed, notes };
}

const CLOSING: Readonly<Record<string, string>> = { "(": ")", "[": "]" };

/**
 * "sqrt(10" → "sqrt(10)": a phone's number pad has no ")", and the key row's √ opens `sqrt(`.
 * Brackets still open at the end are closed innermost first; text whose brackets cross or close
 * too often is left for the parser to refuse.
 */
function closeOpenBrackets(text: string): string {
  const open: string[] = [];
  for (const ch of text) {
    if (ch === "(" || ch === "[") open.push(ch);
    else if (ch === ")" || ch === "]") {
      const top = open.pop();
      if (top === undefined || CLOSING[top] !== ch) return text;
    }
  }
  return (
    text +
    open
      .reverse()
      .map((ch) => CLOSING[ch] ?? "")
      .join("")
  );
}

/** A token that stands alone as a list element: not an operator, not open at either end, not a bare word (a unit or constant belongs to its neighbour). */
function isListTerm(token: string): boolean {
  if (/^[A-Za-z]+$/.test(token) || /^[*/^]/.test(token) || /[-+*/^(]$/.test(token) || /^[+-]$/.test(token)) return false;
  let depth = 0;
  for (const ch of token) {
    if (ch === "(") depth += 1;
    else if (ch === ")" && --depth < 0) return false;
  }
  return depth === 0;
}

/** "1 -2 3" → "1, -2, 3" when every space-separated piece is a term on its own; anything else is left for mathjs. */
function commasForSpaces(row: string): string {
  const tokens = row.trim().split(/\s+/);
  return tokens.length > 1 && !/[,;]/.test(row) && tokens.every(isListTerm) ? tokens.join(", ") : row.trim();
}

/**
 * Phone keyboards make commas costly, so where a list is asked `1 2 3` (optionally in brackets)
 * is a list, and where a matrix is asked rows may also end with a new line instead of `;`.
 * Nested brackets are left as typed.
 */
function readSpacedLists(text: string, shape: AnswerShape): string {
  if (shape === "scalar") return text;
  const bracketed = text.startsWith("[") && text.endsWith("]");
  const inner = bracketed ? text.slice(1, -1) : text;
  if (/[[\]]/.test(inner)) return text;
  const rows = "matrix" in shape ? inner.split(/\s*[;\n]\s*/) : [inner];
  const read = rows.map(commasForSpaces).join("; ");
  return bracketed ? `[${read}]` : read;
}

/**
 * Turns what a learner typed into text mathjs can parse, fixing common slips and recording a note
 * for each one the learner should know about. Refuses empty input, input over
 * {@link MAX_ANSWER_LENGTH} characters (checked first, so huge input costs nothing) and numbers whose
 * comma could mean either a decimal or a thousands separator. For vector and matrix answers a
 * missing pair of brackets is added, commas inside brackets separate elements, and so do spaces
 * between self-contained terms (see {@link readSpacedLists}).
 */
export function normaliseInput(raw: string, shape: AnswerShape): NormalisedInput {
  if (raw.length > MAX_ANSWER_LENGTH) {
    return { ok: false, code: "too-long", message: `Answers are at most ${MAX_ANSWER_LENGTH} characters.` };
  }
  let text = raw.trim();
  if (text === "") return { ok: false, code: "empty", message: "Type an answer first." };
  for (const [pattern, replacement] of CHARACTER_SLIPS) text = text.replace(pattern, replacement);
  const notes: string[] = [];
  for (const [pattern, replacement, note] of UNIT_SLIPS) {
    const next = text.replace(pattern, replacement);
    if (next !== text) notes.push(note);
    text = next;
  }
  const closed = closeOpenBrackets(text);
  if (closed !== text) notes.push("Closed the bracket left open at the end.");
  text = readSpacedLists(closed, shape);
  if (shape !== "scalar" && !text.startsWith("[")) {
    text = `[${text}]`;
    notes.push("Read the values as a list; brackets are optional.");
  }
  const commas = fixCommas(text);
  if (!commas.ok) return commas;
  return { ok: true, text: commas.text, notes: [...notes, ...commas.notes] };
}
