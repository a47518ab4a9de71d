// A card's text as one line for a list: markdown marks, cloze braces and math
// delimiters dropped, whitespace collapsed, cut at a word boundary. Pure.

const CLOZE = /\{\{c\d+::(.*?)(?:::[^}]*)?\}\}/g;
const MARKS = /[*_`#>$|~]+/g;

/** `markdown` as plain text of at most `max` characters (an ellipsis when cut). */
export function cardSnippet(markdown: string, max = 160): string {
  const text = markdown
    .replace(CLOZE, "$1")
    .replace(/!\[[^\]]*\]\([^)]*\)/g, "")
    .replace(/\[([^\]]*)\]\([^)]*\)/g, "$1")
    .replace(MARKS, "")
    .replace(/\s+/g, " ")
    .trim();
  if (text.length <= max) return text;
  const cut = text.slice(0, max - 1);
  const space = cut.lastIndexOf(" ");
  return `${space > max / 2 ? cut.slice(0, space) : cut}…`;
}
