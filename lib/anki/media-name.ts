// Anki's `filename_is_safe`, plus no control characters: a media name ends up
// in markdown links and never on our disk, but a name with a path is a forgery.

/** Whether `name` is a bare file name: not empty, not `.`/`..`, no `/`, `\`, `:` or control character. */
export function isBareFileName(name: string): boolean {
  if (name.length === 0 || name === "." || name === "..") return false;
  for (const char of name) {
    const code = char.codePointAt(0) ?? 0;
    if (char === "/" || char === "\\" || char === ":" || code < 0x20 || code === 0x7f) return false;
  }
  return true;
}
