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

type FoundGap = { n: number; start: number; end: number; answer: string; hint?: string };

/** The gaps numbered `n` of one card, located in its back with the bold taken off (`plain`), or null when the faces do not line up. */
function gapsOfFaces(n: number, front: string, back: string): { plain: string; gaps: FoundGap[] } | null {
  const gaps: FoundGap[] = [];
  let plain = "";
  let i = 0;
  let j = 0;
  while (i < front.length || j < back.length) {
    if (front[i] !== "[" && front[i] === back[j]) {
      plain += front[i];
      i++;
      j++;
      continue;
    }
    const close = front.indexOf("]", i);
    if (front[i] !== "[" || close < 0) return null;
    // Brackets the back shows as they are were text (`x = [3, 4]`), not a gap.
    if (back.startsWith(front.slice(i, close + 1), j)) {
      plain += front.slice(i, close + 1);
      j += close + 1 - i;
      i = close + 1;
      continue;
    }
    const label = front.slice(i + 1, close);
    // The answer runs in the back up to where the front's text after the gap shows up again.
    const rest = front.slice(close + 1);
    const cut = rest.indexOf("[");
    const anchor = (cut < 0 ? rest : rest.slice(0, cut)).slice(0, 24);
    if (!anchor && rest) return null;
    // After the last bracket the rest of the back must be the rest of the front, word for word.
    const end = cut < 0 ? (back.endsWith(rest) ? back.length - rest.length : -1) : back.indexOf(anchor, j + 1);
    if (end < 0) return null;
    const raw = back.slice(j, end);
    const answer = /^\*\*([\s\S]+)\*\*$/.exec(raw)?.[1] ?? raw;
    gaps.push({ n, start: plain.length, end: plain.length + answer.length, answer, hint: label === "…" ? undefined : label });
    plain += answer;
    i = close + 1;
    j = end;
  }
  return { plain, gaps };
}

/**
 * The note text (`{{cN::answer::hint}}` gaps) behind rendered cloze cards, for
 * notes stored only as their faces (imports keep no note text). Null unless
 * rendering the recovered text gives every card's faces back exactly.
 */
export function recoverClozeNote(cards: readonly { n: number; front: string; back: string }[]): string | null {
  const found = cards.map((c) => gapsOfFaces(c.n, c.front, c.back));
  const plain = found[0]?.plain;
  if (plain === undefined || found.some((f) => f === null || f.plain !== plain)) return null;
  const gaps = found.flatMap((f) => f?.gaps ?? []).sort((a, b) => a.start - b.start);
  let text = "";
  let at = 0;
  for (const gap of gaps) {
    if (gap.start < at) return null;
    text += `${plain.slice(at, gap.start)}{{c${gap.n}::${gap.answer}${gap.hint ? `::${gap.hint}` : ""}}}`;
    at = gap.end;
  }
  text += plain.slice(at);
  const faithful = cards.every((c) => {
    const faces = renderCloze(text, c.n);
    return faces.front === c.front && faces.back === c.back;
  });
  return faithful ? text : null;
}
