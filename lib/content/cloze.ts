// Cloze notes: `{{c1::answer}}` or `{{c1::answer::hint}}` gaps. A note yields
// one card per distinct gap number; gaps sharing a number are hidden together.

const GAP = /\{\{c(\d+)::(.*?)(?:::(.*?))?\}\}/g;

interface Gap {
  start: number;
  end: number;
  n: number;
  answer: string;
  hint?: string;
}

function gapsOf(text: string): Gap[] {
  return [...text.matchAll(GAP)].map((m) => ({
    start: m.index,
    end: m.index + m[0].length,
    n: Number(m[1]),
    answer: m[2] ?? "",
    hint: m[3],
  }));
}

/** Problems that make a cloze note unusable; empty when it is well formed. */
export function clozeProblems(text: string): string[] {
  const gaps = gapsOf(text);
  const opened = text.split("{{c").length - 1;
  const problems: string[] = [];
  if (opened !== gaps.length) problems.push("malformed cloze gap: write {{c1::answer}} or {{c1::answer::hint}}");
  if (gaps.some((g) => g.n < 1)) problems.push("cloze numbers start at c1");
  if (gaps.some((g) => g.answer.trim() === "")) problems.push("empty cloze answer");
  return problems;
}

/** The distinct gap numbers of a note, ascending. */
export function clozeNumbers(text: string): number[] {
  return [...new Set(gapsOf(text).map((g) => g.n))].sort((a, b) => a - b);
}

/** True when `index` sits inside inline math (an odd number of unescaped `$` before it). */
function insideMath(text: string, index: number): boolean {
  const before = text.slice(0, index).replace(/\\\$/g, "");
  return (before.split("$").length - 1) % 2 === 1;
}

/**
 * The two faces of gap `n`: the front hides every gap numbered `n` as `[…]`
 * (or `[hint]`) and shows the others' answers; the back shows the whole text
 * with the hidden answers in bold (plain inside `$…$`, where bold would break
 * the math).
 */
export function renderCloze(text: string, n: number): { front: string; back: string } {
  let front = "";
  let back = "";
  let at = 0;
  for (const gap of gapsOf(text)) {
    const plain = text.slice(at, gap.start);
    front += plain;
    back += plain;
    if (gap.n === n) {
      front += `[${gap.hint?.trim() || "…"}]`;
      back += insideMath(text, gap.start) ? gap.answer : `**${gap.answer}**`;
    } else {
      front += gap.answer;
      back += gap.answer;
    }
    at = gap.end;
  }
  return { front: front + text.slice(at), back: back + text.slice(at) };
}
