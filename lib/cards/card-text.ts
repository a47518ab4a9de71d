// A card's text as one line for a list: markdown marks, cloze braces, images
// and math delimiters dropped (the TeX and escaped characters kept as
// written), whitespace collapsed, cut at a word boundary. Pure.

const CLOZE = /\{\{c\d+::(.*?)(?:::[^}]*)?\}\}/g;
// Kept as they are: math (without its delimiters) and escaped characters. Images go; links keep their text.
const TOKEN = /\$\$([\s\S]+?)\$\$|\$([^$\n]+?)\$|\\([!-/:-@[-`{-~])|!\[[^\]]*\]\((?:<[^>\n]*>|[^\s)]*)\)|\[([^\]\n]*)\]\((?:<[^>\n]*>|[^\s)]*)\)/g;
// Emphasis marks that open or close a word (so `d_k` keeps its underscore), code ticks, strike-through.
const EMPHASIS = /(^|[^\p{L}\p{N}*_])[*_]+|[*_]+(?=[^\p{L}\p{N}]|$)/gu;
const LINE_MARKS = /^[ \t]{0,3}(?:#{1,6}[ \t]+|>[ \t]?|[-+*][ \t]+|\|)/gm;

function withoutMarks(text: string): string {
  return text
    .replace(LINE_MARKS, "")
    .replace(/`+|~~|\|/g, " ")
    .replace(EMPHASIS, "$1");
}

/** `markdown` as plain text, on one line. */
export function plainText(markdown: string): string {
  const text = markdown.replace(CLOZE, "$1");
  let out = "";
  let last = 0;
  for (const m of text.matchAll(TOKEN)) {
    out += withoutMarks(text.slice(last, m.index));
    out += m[1] ?? m[2] ?? m[3] ?? (m[4] === undefined ? " " : withoutMarks(m[4]));
    last = m.index + m[0].length;
  }
  out += withoutMarks(text.slice(last));
  return out.replace(/\s+/g, " ").trim();
}

/** `markdown` as plain text of at most `max` characters (an ellipsis when cut). */
export function cardSnippet(markdown: string, max = 160): string {
  const text = plainText(markdown);
  if (text.length <= max) return text;
  const cut = text.slice(0, max - 1);
  const space = cut.lastIndexOf(" ");
  return `${space > max / 2 ? cut.slice(0, space) : cut}…`;
}
