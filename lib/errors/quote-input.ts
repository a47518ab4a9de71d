// Quoting what a user sent inside an error or feedback message. Input can be
// megabytes long; a message names it by its first few characters only.

/** How many characters of user input a message quotes before "…". */
export const QUOTE_MAX_CHARS = 60;

/**
 * `text` cut to at most `max` UTF-16 code units (never splitting a surrogate
 * pair), with "…" appended when something was cut here or, as `cut` says,
 * before it got here (a streamed reader holds only the start of a token). For paths and labels that
 * are not wrapped in quotes; `quoteInput` is the quoted form.
 */
export function truncateInput(text: string, max = QUOTE_MAX_CHARS, cut = false): string {
  if (text.length <= max) return cut ? `${text}…` : text;
  let end = max;
  const last = text.charCodeAt(end - 1);
  if (last >= 0xd800 && last <= 0xdbff) end -= 1;
  return `${text.slice(0, end)}…`;
}

/**
 * User input as it appears in a message: in double quotes, at most `max`
 * characters of it (then "…"). Every message that quotes what a user typed or
 * sent goes through here, so an error's size never depends on the input's.
 */
export function quoteInput(text: string, max = QUOTE_MAX_CHARS, cut = false): string {
  return `"${truncateInput(text, max, cut)}"`;
}
